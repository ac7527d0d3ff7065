package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.callees;
import static org.lockorder.frontend.c.Fixtures.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Cfg;
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

  @Test
  void numbersAsThePreprocessorReadsThem() throws IOException {
    TranslationUnit tu = corpus("pp_numbers.c");
    assertEquals(List.of("fid_get", "ranges"), Fixtures.names(tu));
    assertEquals(List.of("tracepoint_enabled", "trace_fid_get"), callees(function(tu, "fid_get").cfg()));
  }

  @Test
  void codeAsMacroArguments() throws IOException {
    TranslationUnit tu = corpus("code_macro_arguments.c");
    assertEquals(List.of("check_state", "scan_items", "DEFINE_SYSCALL2"), Fixtures.names(tu));
    Cfg check = function(tu, "check_state").cfg();
    assertEquals(List.of("dump_item", "MY_ASSERT", "dump_item", "MY_ASSERT", "report", "release_item"), callees(check));
    // the macro decides whether its code runs: release_item is reached without dump_item
    assertTrue(Fixtures.reaches(check, Cfg.ENTRY, Fixtures.call(check, "release_item"), Fixtures.call(check, "dump_item")));
    Cfg scan = function(tu, "scan_items").cfg();
    assertEquals(List.of("DEBUG1", "report", "DEBUG1", "report", "DEBUG2", "count_item", "DEBUG2", "DEBUG1", "report",
        "for_each_item", "DEBUG2", "spin_unlock", "report"), callees(scan)); // in node order
    // 'DEBUG2(...)' without ';' is no loop head: the unlock after it always runs
    assertFalse(Fixtures.reaches(scan, Cfg.ENTRY, Cfg.EXIT, Fixtures.call(scan, "spin_unlock")));
    assertEquals(List.of("IF_DEBUG", "do_pick"), callees(function(tu, "DEFINE_SYSCALL2").cfg()));
  }

  @Test
  void attributeMacrosInDeclarators() throws IOException {
    TranslationUnit tu = corpus("attribute_macros.c");
    assertEquals(List.of("copy_name", "fill_buffer"), Fixtures.names(tu));
    assertEquals(List.of("dst", "src"), function(tu, "copy_name").params().stream().map(p -> p.name()).toList());
    assertEquals(List.of("b", "out", "n"), function(tu, "fill_buffer").params().stream().map(p -> p.name()).toList());
    assertEquals(List.of("mutex_lock", "copy_out", "mutex_unlock"), callees(function(tu, "fill_buffer").cfg()));
  }

  @Test
  void operatorArgumentsAndAddressedNames() throws IOException {
    TranslationUnit tu = corpus("operator_arguments.c");
    assertEquals(List.of("BITS_OP", "BITS_OP", "BITS_UNARY", "CHECK_CMP", "register_ops"),
        callees(function(tu, "mask_bits").cfg()));
    assertEquals(new AccessPath.Var("ops_size_t"), call(tu, "mask_bits", "register_ops").args().get(1).path().root());
  }

  @Test
  void functionTypedefsWithTheNameInParentheses() throws IOException {
    TranslationUnit tu = corpus("function_typedefs.c");
    assertEquals(Set.of("item_done_t", "pool_alloc_t", "fill_fn", "pool_t", "visit_fn"), tu.typedefs().keySet());
    assertEquals("pool_s", tu.typedefs().get("pool_t").tag());
    assertEquals(List.of("finish"), Fixtures.names(tu));
  }
}
