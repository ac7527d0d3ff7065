package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Verdict;

/**
 * Calls through one ops pointer on one path reach one table ({@link OpsChoice}): a path that went
 * into one table's {@code start} reaches only that table's {@code stop}, unless the function may
 * have changed the pointer in between.
 */
class OpsChoiceTest {
  @TempDir Path dir;

  /** Table a's start returns holding area_lock and its stop drops it; table b's stop takes it. */
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

  private List<Finding> findings(String code) throws Exception {
    return findingsOf(TABLES + code);
  }

  private List<Finding> findingsOf(String program) throws Exception {
    Path file = Files.writeString(dir.resolve("snippet.c"), program);
    return new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString())).findings();
  }

  @Test
  void aVariableThePathNeverChangesPointsAtOneTable() throws Exception {
    assertEquals(List.of(), findings("int show(struct sq *m) { m->op->start(m); m->op->stop(m); return 0; }\n"));
    // A local assigned only by its initializer (6.1's seq_read_iter: m = iocb->ki_filp->private_data).
    assertEquals(List.of(), findings("int show(struct sq *a) { struct sq *m = a; m->op->start(m); m->op->stop(m); return 0; }\n"));
  }

  @Test
  void aHelpersExitSaysWhichTableItsParameterWentTo() throws Exception {
    // Both tables' start and stop pair up; the helpers call through their parameter's pointer.
    String code = """
        struct sq;
        struct sq_ops { void (*start)(struct sq *m); void (*stop)(struct sq *m); };
        struct sq { const struct sq_ops *op; int n; };
        static DEFINE_SPINLOCK(a_lock);
        static DEFINE_SPINLOCK(b_lock);
        static void a_start(struct sq *m) { spin_lock(&a_lock); }
        static void a_stop(struct sq *m) { spin_unlock(&a_lock); }
        static void b_start(struct sq *m) { spin_lock(&b_lock); }
        static void b_stop(struct sq *m) { spin_unlock(&b_lock); }
        static const struct sq_ops a_ops = { .start = a_start, .stop = a_stop };
        static const struct sq_ops b_ops = { .start = b_start, .stop = b_stop };
        static void start_of(struct sq *m) { m->op->start(m); }
        static void stop_of(struct sq *m) { m->op->stop(m); }
        """;
    // Read by type, a path starts a and stops b: a_lock stays held into the next pass.
    assertEquals(List.of(), findingsOf(code + "void show(struct sq *m) { for (;;) { start_of(m); m->n++; stop_of(m); } }\n"));
    // Another object's table is another choice: the leak, and the recursive lock, are real. (A
    // helper's acquisitions are not tied to the caller's choice, only its exits: the a_lock ->
    // b_lock cycle reported beside them is not real.)
    List<Finding> f = findingsOf(code + "void show(struct sq *m, struct sq *o) { for (;;) { start_of(m); stop_of(o); } }\n");
    Finding recursive = f.stream().filter(x -> x.rule().equals("LO002") && x.classes().equals(List.of("a_lock"))).findFirst().orElseThrow();
    assertEquals(Verdict.CONFIRMED, recursive.simulation().verdict(), recursive.simulation().reason());
  }

  @Test
  void aPointerTheFunctionMayChangeSaysNothing() throws Exception {
    for (String code : List.of(
        "int show(struct sq *m) { m->op->start(m); m->op = &b_ops; m->op->stop(m); return 0; }\n",
        "int show(struct sq *m, struct sq *o) { m->op->start(m); m = o; m->op->stop(m); return 0; }\n",
        "int show(struct sq *a, struct sq *b) { struct sq *m = a; m->op->start(m); m = b; m->op->stop(m); return 0; }\n")) {
      List<Finding> f = findings(code);
      assertEquals(1, f.size(), code + ": " + f);
      assertEquals(Verdict.CONFIRMED, f.get(0).simulation().verdict(), code + ": " + f.get(0).simulation().reason());
    }
  }
}
