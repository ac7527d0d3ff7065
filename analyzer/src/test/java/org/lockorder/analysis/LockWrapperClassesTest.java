package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.model.LockModel;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;

/**
 * The lock inside a lock wrapper (the model's {@code lock_wrappers}) is named by what embeds the
 * wrapper, through helpers given the wrapper too; a pointer to a wrapper embedded elsewhere keeps
 * the wrapper type's class.
 */
class LockWrapperClassesTest {
  @TempDir Path dir;

  private static final String TYPES =
      """
      struct wait_queue_head { spinlock_t lock; int n; };
      struct pipe { struct wait_queue_head rd_wait; struct wait_queue_head *wr_wait; };
      static struct wait_queue_head global_wq;
      static DEFINE_PER_CPU(struct pipe, cpu_pipe);
      static DEFINE_MUTEX(m);
      static void wake_locked(struct wait_queue_head *wq) { spin_lock(&wq->lock); wq->n = 0; spin_unlock(&wq->lock); }
      static void wake_through(struct wait_queue_head *q) { wake_locked(q); }
      """;

  /** The class that {@code take} (code given {@code struct pipe *p}) acquires under mutex {@code m}. */
  private String classOf(String take) throws Exception {
    String code = TYPES + "void outer(struct pipe *p) { mutex_lock(&m); " + take + " mutex_unlock(&m); }\n";
    Files.writeString(dir.resolve("w.c"), code);
    var report = new Pipeline(PipelineOptions.defaults()).run(List.of(dir.resolve("w.c").toString()));
    assertEquals(List.of(), report.diagnostics());
    TreeSet<String> classes = new TreeSet<>();
    for (var e : report.graph().programs().get(0).edges()) {
      assertEquals("m", e.from(), take);
      classes.add(e.to());
    }
    assertEquals(1, classes.size(), take + ": " + classes);
    return classes.first();
  }

  @Test
  void aMemberThatEmbedsTheWrapperNamesItsLock() throws Exception {
    assertEquals("pipe.rd_wait", classOf("spin_lock(&p->rd_wait.lock); spin_unlock(&p->rd_wait.lock);"));
  }

  @Test
  void aHelperGivenTheWrapperLeavesTheNameToItsCallers() throws Exception {
    assertEquals("pipe.rd_wait", classOf("wake_locked(&p->rd_wait);"));
    assertEquals("pipe.rd_wait", classOf("wake_through(&p->rd_wait);"), "passed on through a second helper's parameter");
  }

  @Test
  void aGlobalWrapperIsItsOwnClass() throws Exception {
    assertEquals("global_wq", classOf("spin_lock(&global_wq.lock); spin_unlock(&global_wq.lock);"));
    assertEquals("global_wq", classOf("wake_locked(&global_wq);"));
  }

  @Test
  void perCpuGlobalsAreDeclaredByTheirMacroAndReadThroughTheirAccessors() throws Exception {
    assertEquals("pipe.rd_wait", classOf("wake_locked(this_cpu_ptr(&cpu_pipe.rd_wait));"));
    assertEquals("pipe.rd_wait", classOf("wake_locked(&per_cpu(cpu_pipe, 0).rd_wait);"));
  }

  @Test
  void aPointerToAWrapperEmbeddedElsewhereKeepsTheWrapperType() throws Exception {
    assertEquals("wait_queue_head.lock", classOf("spin_lock(&p->wr_wait->lock); spin_unlock(&p->wr_wait->lock);"));
    assertEquals("wait_queue_head.lock", classOf("wake_locked(p->wr_wait);"));
    assertEquals("wait_queue_head.lock", classOf("struct wait_queue_head *q = p->wr_wait; wake_locked(q);"));
  }

  @Test
  void aLocalPointerIsNamedByWhatItWasGiven() throws Exception {
    assertEquals("pipe.rd_wait", classOf("struct wait_queue_head *q = &p->rd_wait; spin_lock(&q->lock); spin_unlock(&q->lock);"));
  }

  @Test
  void theLinuxProfileListsTheKernelsWrappers() throws Exception {
    var wrappers = LockModel.load(List.of("linux"), List.of()).lockWrappers();
    assertEquals(new TreeSet<>(List.of("local_lock_t", "lockref", "swait_queue_head", "wait_queue_head")), wrappers);
    assertNotEquals(LockModel.load(List.of("linux"), List.of()).fingerprint(), LockModel.load(List.of("pthread"), List.of()).fingerprint());
  }
}
