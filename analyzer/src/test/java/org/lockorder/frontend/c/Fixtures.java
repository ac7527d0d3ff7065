package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Helpers for frontend tests: parse a snippet, find functions and nodes, render CFGs. */
final class Fixtures {
  private Fixtures() {}

  static TranslationUnit parse(String code) {
    return new CFrontend(Set.of()).parse(new SourceText("t.c", code));
  }

  /** Parses and insists on no diagnostics. */
  static TranslationUnit clean(String code) {
    TranslationUnit tu = parse(code);
    assertEquals(List.of(), tu.diagnostics(), "diagnostics");
    return tu;
  }

  static Function function(TranslationUnit tu, String name) {
    return tu.functions().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no function " + name + " in " + names(tu)));
  }

  static List<String> names(TranslationUnit tu) {
    return tu.functions().stream().map(Function::name).toList();
  }

  /** The only function of a snippet. */
  static Function only(String code) {
    TranslationUnit tu = clean(code);
    assertEquals(1, tu.functions().size(), "functions");
    return tu.functions().get(0);
  }

  /** The id of the (first) call node of 'callee'. */
  static int call(Cfg cfg, String callee) {
    for (Node n : cfg.nodes()) {
      if (n.event() instanceof Event.Call c && c.callee().equals(callee)) return n.id();
    }
    fail("no call of " + callee + " in\n" + render(cfg));
    return -1;
  }

  static List<String> callees(Cfg cfg) {
    List<String> out = new ArrayList<>();
    for (Node n : cfg.nodes()) {
      if (n.event() instanceof Event.Call c) out.add(c.callee());
      if (n.event() instanceof Event.IndirectCall c) out.add("*" + c.target().text());
    }
    return out;
  }

  static List<Node> branches(Cfg cfg) {
    return cfg.nodes().stream().filter(n -> n.event() == null && n.successors().size() == 2).toList();
  }

  /** True when 'to' is reachable from 'from' without passing through 'avoid' (-1: none). */
  static boolean reaches(Cfg cfg, int from, int to, int avoid) {
    boolean[] seen = new boolean[cfg.nodes().size()];
    List<Integer> work = new ArrayList<>(List.of(from));
    while (!work.isEmpty()) {
      int n = work.remove(work.size() - 1);
      if (n == to) return true;
      if (seen[n] || (n == avoid && n != from)) continue;
      seen[n] = true;
      work.addAll(cfg.node(n).successors());
    }
    return false;
  }

  /** Every path from entry to exit passes through 'node'. */
  static boolean dominatesExit(Cfg cfg, int node) {
    return !reaches(cfg, Cfg.ENTRY, Cfg.EXIT, node);
  }

  static String render(Cfg cfg) {
    StringBuilder sb = new StringBuilder();
    for (Node n : cfg.nodes()) {
      sb.append(n.id()).append(": ");
      if (n.event() instanceof Event.Call c) sb.append("call ").append(c.callee());
      else if (n.event() instanceof Event.IndirectCall c) sb.append("icall ").append(c.target().text());
      else if (n.event() instanceof Event.Assign a) sb.append("assign ").append(a.variable());
      else if (n.successors().size() >= 2) sb.append("branch");
      else sb.append(n.id() == 0 ? "entry" : n.id() == 1 ? "exit" : "nop");
      if (n.test() != null) {
        sb.append(" [test ").append(n.test().callNode())
            .append(n.test().trueWhenNonzero() ? " nonzero]" : " zero]");
      }
      sb.append(" -> ").append(n.successors()).append('\n');
    }
    return sb.toString();
  }
}
