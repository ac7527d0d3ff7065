package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.frontend.c.Fixtures.callees;
import static org.lockorder.frontend.c.Fixtures.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Event;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Kernel idioms that raw-source parsing once failed on (issue 6): each parses and keeps its calls. */
class ParseCoverageTest {
  private static TranslationUnit corpus(String name) throws IOException {
    Path p = Path.of("analyzer/src/test/resources/frontend/c", name);
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText(name, Files.readString(p)));
    assertEquals(List.of(), tu.diagnostics());
    return tu;
  }

  private static Event.Call call(TranslationUnit tu, String function, String callee) {
    return function(tu, function).cfg().nodes().stream()
        .map(n -> n.event())
        .filter(e -> e instanceof Event.Call c && c.callee().equals(callee))
        .map(e -> (Event.Call) e)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void castsToUndeclaredTypeNames() throws IOException {
    TranslationUnit tu = corpus("unknown_type_casts.c");
    assertEquals(List.of("to_wire32", "block_offset", "reset_cursor", "not_casts"), Fixtures.names(tu));
    assertEquals(List.of("host_to_wire"), callees(function(tu, "to_wire32").cfg()));
    assertEquals(List.of("report"), callees(function(tu, "block_offset").cfg()));
    assertEquals(List.of("walk_tree", "mutex_lock", "mutex_unlock"), callees(function(tu, "reset_cursor").cfg()));
    // the cast is seen through: the callback passed is the function 'visit_node'
    assertEquals(new AccessPath.Var("visit_node"), call(tu, "reset_cursor", "walk_tree").args().get(1).path().root());
    // '(handler)(a)' stays a direct call of 'handler'
    assertEquals(List.of("handler"), callees(function(tu, "not_casts").cfg()));
  }
}
