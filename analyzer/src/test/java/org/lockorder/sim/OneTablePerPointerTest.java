package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.Verdict;

/**
 * Two calls through one ops pointer in one invocation reach one table ({@link OneTablePerPointer}):
 * a witness pairing two tables' methods cannot run, unless the function may have changed the
 * pointer in between.
 */
class OneTablePerPointerTest {
  @TempDir Path dir;

  private static final String TABLES = """
      struct sq;
      struct sq_ops { void *(*start)(struct sq *m); void (*stop)(struct sq *m); };
      struct sq { const struct sq_ops *op; int n; };
      static DEFINE_SPINLOCK(area_lock);
      static void *a_start(struct sq *m) { spin_lock(&area_lock); return m; }
      static void a_stop(struct sq *m) { spin_unlock(&area_lock); }
      static void *b_start(struct sq *m) { return m; }
      static void b_stop(struct sq *m) { spin_lock(&area_lock); m->n++; spin_unlock(&area_lock); }
      static const struct sq_ops a_ops = { .start = a_start, .stop = a_stop };
      static const struct sq_ops b_ops = { .start = b_start, .stop = b_stop };
      """;

  private Simulation simulation(String code) throws Exception {
    Path file = Files.writeString(dir.resolve("snippet.c"), TABLES + code);
    List<Finding> f = new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString())).findings();
    assertEquals(1, f.size(), f.toString());
    return f.get(0).simulation();
  }

  @Test
  void aParameterThePathNeverChangesPointsAtOneTable() throws Exception {
    Simulation s = simulation("int show(struct sq *m) { m->op->start(m); m->op->stop(m); return 0; }\n");
    assertEquals(Verdict.NOT_REPRODUCED, s.verdict(), s.reason());
    assertTrue(s.reason().startsWith("thread 1: the witness cannot run: in one call of show, ")
        && s.reason().endsWith("into b_ops, and show never changes m->op: one table cannot be both"), s.reason());
  }

  @Test
  void aPointerTheFunctionMayChangeOrALocalSaysNothing() throws Exception {
    for (String code : List.of(
        "int show(struct sq *m) { m->op->start(m); m->op = &b_ops; m->op->stop(m); return 0; }\n",
        "int show(struct sq *m, struct sq *o) { m->op->start(m); m = o; m->op->stop(m); return 0; }\n",
        "int show(struct sq *a) { struct sq *m = a; m->op->start(m); m->op->stop(m); return 0; }\n")) {
      Simulation s = simulation(code);
      assertTrue(!s.reason().contains("one table cannot be both"), code + ": " + s.reason());
      assertEquals(Verdict.CONFIRMED, s.verdict(), code + ": " + s.reason());
    }
  }
}
