package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;

/**
 * ADR-008: a call passing an ops table (or a struct literal holding functions) where the callee
 * calls through that parameter gets a copy of the callee whose indirect calls reach only what was
 * passed; nothing else gets a copy.
 */
class OpsArgumentsTest {
  @TempDir Path dir;

  private static final String TYPES = """
      struct walk;
      struct walk_ops { int (*entry)(struct walk *w); int (*hole)(struct walk *w); };
      struct walk { const struct walk_ops *ops; void *priv; };
      static int alpha_entry(struct walk *w) { return 1; }
      static int beta_entry(struct walk *w) { return 2; }
      static int beta_hole(struct walk *w) { return 3; }
      static const struct walk_ops alpha_ops = { .entry = alpha_entry };
      static const struct walk_ops beta_ops = { .entry = beta_entry, .hole = beta_hole };
      static int walk_one(struct walk *walk)
      {
      	const struct walk_ops *ops = walk->ops;
      	if (ops->hole)
      		ops->hole(walk);
      	return ops->entry(walk);
      }
      int walk_range(const struct walk_ops *ops, void *priv)
      {
      	struct walk walk = { .ops = ops, .priv = priv };
      	return walk_one(&walk);
      }
      """;

  private ProgramView program(String code) throws Exception {
    Path file = dir.resolve("snippet.c");
    Files.writeString(file, code);
    return new Pipeline(PipelineOptions.defaults()).program(List.of(file.toString())).result().program();
  }

  /** Per function named {@code name}, in graph order: the names its indirect calls reach. */
  private static List<TreeSet<String>> indirectCallees(ProgramView view, String name) {
    List<TreeSet<String>> out = new ArrayList<>();
    for (Function f : view.functions()) {
      if (!f.name().equals(name)) continue;
      TreeSet<String> names = new TreeSet<>();
      for (Node n : f.cfg().nodes()) {
        if (!(n.event() instanceof Event.IndirectCall)) continue;
        for (ProgramView.Callee c : view.callees(f, n.id())) names.add(c.function().name());
      }
      out.add(names);
    }
    return out;
  }

  @Test
  void eachTablePassedGetsACopyThatCallsOnlyWhatTheTableHolds() throws Exception {
    ProgramView view = program(TYPES + """
        void with_alpha(void) { walk_range(&alpha_ops, NULL); }
        void with_beta(void) { walk_range(&beta_ops, NULL); }
        """);
    // One copy per table, in call order; alpha_ops sets no .hole, so its copy makes no call there.
    // The originals, read with all of the struct type's functions, are gone: every call of them
    // has a copy, and nothing else makes them an entry point.
    assertEquals(List.of(new TreeSet<>(List.of("alpha_entry")), new TreeSet<>(List.of("beta_entry", "beta_hole"))),
        indirectCallees(view, "walk_one"));
    assertEquals(2, indirectCallees(view, "walk_range").size());
  }

  @Test
  void anOriginalSomethingElseCallsStays() throws Exception {
    ProgramView view = program(TYPES + """
        void with_alpha(void) { walk_range(&alpha_ops, NULL); }
        int with_any(const struct walk_ops *ops) { return walk_range(ops, NULL); }
        """);
    assertEquals(List.of(new TreeSet<>(List.of("alpha_entry", "beta_entry", "beta_hole")), new TreeSet<>(List.of("alpha_entry"))),
        indirectCallees(view, "walk_one"));
  }

  /**
   * A walker in a recursion of 1,000 functions (its general callbacks lead back to it): a caller
   * outside gets a copy when the copy stays out of the recursion, and none when its table's
   * callback leads back in; the recursion's own call keeps the original.
   */
  @Test
  void aLargeRecursionsMemberGetsACopyOnlyWhereTheCopyCannotReachTheRecursion() throws Exception {
    StringBuilder ring = new StringBuilder(TYPES);
    ring.append("static const struct walk_ops *current_ops;\n");
    ring.append("static int ring_0(void);\n");
    ring.append("static int ring_entry(struct walk *w) { return ring_0(); }\n");
    ring.append("static const struct walk_ops ring_ops = { .entry = ring_entry };\n");
    int n = 1_000;
    for (int i = 0; i < n - 1; i++) ring.append("static int ring_" + (i + 1) + "(void);\n");
    for (int i = 0; i < n - 1; i++) ring.append("static int ring_" + i + "(void) { return ring_" + (i + 1) + "(); }\n");
    ring.append("static int ring_" + (n - 1) + "(void) { return walk_range(current_ops, NULL); }\n");
    ring.append("void with_alpha(void) { walk_range(&alpha_ops, NULL); }\n");
    ring.append("void with_ring(void) { walk_range(&ring_ops, NULL); }\n");
    ProgramView view = program(ring.toString());
    // The original (in the recursion), then alpha's copy; ring_ops' copy would lead back in.
    assertEquals(List.of(new TreeSet<>(List.of("alpha_entry", "beta_entry", "beta_hole", "ring_entry")),
        new TreeSet<>(List.of("alpha_entry"))), indirectCallees(view, "walk_one"));
    assertEquals(2, indirectCallees(view, "walk_range").size());
    Function withRing = view.function("with_ring", dir.resolve("snippet.c").toString());
    Function called = null;
    for (Node node : withRing.cfg().nodes()) {
      for (ProgramView.Callee c : view.callees(withRing, node.id())) called = c.function();
    }
    Function general = null;
    for (Function f : view.functions()) if (f.name().equals("walk_range") && general == null) general = f;
    assertSame(general, called);
  }

  @Test
  void aLiteralOfDataOnlyOrAnUnknownTableGetsNoCopy() throws Exception {
    ProgramView view = program(TYPES + """
        struct dev { const struct walk_ops *ops; };
        struct io { struct dev *dev; int op; };
        static int submit_one(struct io *io) { return io->dev->ops->entry(NULL); }
        int submit(struct io *io, const struct walk_ops *ops)
        {
        	submit_one(io);
        	return walk_range(ops, io);
        }
        void write_page(struct dev *dev)
        {
        	struct io io = { .dev = dev, .op = 1 };
        	submit(&io, NULL);
        }
        """);
    // 'io' carries a value, a struct of data, but none that decides submit_one's call.
    assertEquals(1, indirectCallees(view, "submit_one").size());
    assertEquals(1, indirectCallees(view, "submit").size());
    assertEquals(1, indirectCallees(view, "walk_range").size());
  }

  @Test
  void aTableSomeCodeStoresIntoIsNotTrusted() throws Exception {
    ProgramView view = program(TYPES + """
        static struct walk_ops patched_ops = { .entry = alpha_entry };
        void patch(void) { patched_ops.hole = beta_hole; }
        void with_patched(void) { walk_range(&patched_ops, NULL); }
        """);
    assertEquals(1, indirectCallees(view, "walk_one").size());
  }

  @Test
  void aStructWhoseMembersTheBodyAlsoStoresKnowsOnlyTheMembersSeen() throws Exception {
    ProgramView view = program(TYPES + """
        void initializer_only(void)
        {
        	struct walk_ops ops = { .entry = alpha_entry };
        	walk_range(&ops, NULL);
        }
        void stored_later(int hole)
        {
        	struct walk_ops ops = { .entry = alpha_entry };
        	if (hole)
        		ops.hole = hole > 1 ? beta_hole : NULL;
        	walk_range(&ops, NULL);
        }
        """);
    // The initializer-only copy (no .hole: no call); the copy for a struct whose .hole the body
    // stores with an expression lockorder does not read: .hole stays general (what any table
    // stores there), .entry is still the initializer's.
    assertEquals(List.of(new TreeSet<>(List.of("alpha_entry")), new TreeSet<>(List.of("alpha_entry", "beta_hole"))),
        indirectCallees(view, "walk_one"));
  }

  @Test
  void aFunctionPassedAsItIsStaysUnresolved() throws Exception {
    ProgramView view = program("""
        static int release_one(void *p) { return 0; }
        static void put(void *p, int (*release)(void *)) { release(p); }
        void drop(void *p) { put(p, release_one); }
        """);
    Function put = view.function("put", dir.resolve("snippet.c").toString());
    int calls = 0;
    for (Function f : view.functions()) if (f.name().equals("put")) calls++;
    assertEquals(1, calls);
    for (Node n : put.cfg().nodes()) {
      if (n.event() instanceof Event.Call c && c.callee().equals("release")) assertEquals(List.of(), view.callees(put, n.id()));
    }
  }

  @Test
  void aLargeRecursionKeepsNoCopies() throws Exception {
    // alpha_entry calls back into a chain of 1,000 functions that walks again: every copy of the
    // walk is inside one recursion of over 1,000 functions, where the originals are called again.
    StringBuilder code = new StringBuilder(TYPES.replace("static int alpha_entry(struct walk *w) { return 1; }",
        "int rec_0(void);\nstatic int alpha_entry(struct walk *w) { return rec_0(); }"));
    for (int i = 0; i < 1000; i++) {
      code.append("int rec_").append(i).append("(void) { return ")
          .append(i < 999 ? "rec_" + (i + 1) + "()" : "walk_range(&alpha_ops, NULL)").append("; }\n");
    }
    ProgramView view = program(code.toString());
    assertEquals(1, indirectCallees(view, "walk_one").size());
    assertEquals(1, indirectCallees(view, "walk_range").size());
  }
}
