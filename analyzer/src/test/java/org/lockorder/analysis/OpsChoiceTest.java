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
    // Another object's table is another choice: the leak, and the recursive lock, are real. The
    // next start_of(m) takes only m's table's lock: no a_lock -> b_lock order (the helper's
    // acquisitions say which table they came from, as its exits do).
    List<Finding> f = findingsOf(code + "void show(struct sq *m, struct sq *o) { for (;;) { start_of(m); stop_of(o); } }\n");
    assertEquals(List.of("LO002 [a_lock]", "LO002 [b_lock]"), f.stream().map(x -> x.rule() + " " + x.classes()).sorted().toList());
    for (Finding one : f) assertEquals(Verdict.CONFIRMED, one.simulation().verdict(), one.simulation().reason());
  }

  /**
   * Inside a recursion of a thousand functions no copy binds a table passed as an argument
   * (ADR-008), so the choice does: the page-fault path passes a table without {@code ->end}, and
   * the recursion's walker takes the end's lock only for the table that has one (6.1's
   * {@code iomap_page_mkwrite(vmf, &xfs_page_mkwrite_iomap_ops)}, {@code iomap_iter}).
   */
  @Test
  void aTablePassedByAddressSelectsTheAcquisitionsOfACalleeInALargeRecursion() throws Exception {
    StringBuilder code = new StringBuilder("""
        struct iomap_ops { void (*begin)(void); void (*end)(void); };
        static DEFINE_MUTEX(invalidate_lock);
        static DEFINE_MUTEX(page_lock);
        static void write_begin(void) { }
        static void write_end(void) { mutex_lock(&invalidate_lock); mutex_unlock(&invalidate_lock); }
        static void mkwrite_begin(void) { }
        const struct iomap_ops write_ops = { .begin = write_begin, .end = write_end };
        const struct iomap_ops mkwrite_ops = { .begin = mkwrite_begin };
        void walk0(void);
        int iomap_iter(const struct iomap_ops *ops) { ops->begin(); if (ops->end) ops->end(); walk0(); return 0; }
        """);
    int n = 1000;
    for (int i = 0; i < n; i++) {
      code.append("void walk").append(i).append("(void) { ")
          .append(i + 1 < n ? "walk" + (i + 1) + "();" : "iomap_iter(&mkwrite_ops);").append(" }\n");
    }
    code.append("""
        void fault(void) { mutex_lock(&page_lock); iomap_iter(&mkwrite_ops); mutex_unlock(&page_lock); }
        void truncate(void) { mutex_lock(&invalidate_lock); mutex_lock(&page_lock); mutex_unlock(&page_lock); mutex_unlock(&invalidate_lock); }
        """);
    assertEquals(List.of(), findingsOf(code.toString()));
    // The write path's table has the end: the order is real, and so is the cycle.
    List<Finding> f = findingsOf(code.toString().replace(
        "void fault(void) { mutex_lock(&page_lock); iomap_iter(&mkwrite_ops);", "void fault(void) { mutex_lock(&page_lock); iomap_iter(&write_ops);"));
    assertEquals(List.of("LO001 [invalidate_lock, page_lock]"), f.stream().map(x -> x.rule() + " " + x.classes()).toList());
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
