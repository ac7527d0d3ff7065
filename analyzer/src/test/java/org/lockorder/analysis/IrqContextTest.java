package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lockdep's interrupt rules: irq-safe vs irq-unsafe usage, and readers in interrupt context. */
class IrqContextTest {
  @TempDir Path dir;

  static final String DEVICE =
      """
      typedef int irqreturn_t;
      static DEFINE_SPINLOCK(dev_lock);
      static DEFINE_SPINLOCK(stats_lock);
      static irqreturn_t dev_interrupt(int irq, void *data)
      {
      	spin_lock(&dev_lock);
      	spin_unlock(&dev_lock);
      	return 0;
      }
      int dev_probe(void) { return request_irq(5, dev_interrupt, 0, "dev", 0); }
      """;

  @Test
  void aLockTakenInAHandlerAndWithInterruptsOnIsInconsistent() throws Exception {
    assertEquals(List.of("LO003 dev_lock"), findings(dir, DEVICE
        + "void dev_poll(void) { spin_lock(&dev_lock); spin_unlock(&dev_lock); }\n"));
  }

  @Test
  void theIrqsaveFormsAndLocalIrqSaveMakeItSafe() throws Exception {
    assertEquals(List.of(), findings(dir, DEVICE
        + "void dev_poll(void) { unsigned long flags; spin_lock_irqsave(&dev_lock, flags); spin_unlock_irqrestore(&dev_lock, flags); }\n"));
    assertEquals(List.of(), findings(dir, DEVICE
        + "static void locked_poll(void) { spin_lock(&dev_lock); spin_unlock(&dev_lock); }\n"
        + "void dev_poll(void) { unsigned long flags; local_irq_save(flags); locked_poll(); local_irq_restore(flags); }\n"));
  }

  @Test
  void anIrqSafeLockHeldWhileTakingAnIrqUnsafeOneIsAnInversion() throws Exception {
    assertEquals(List.of("LO003 dev_lock -> stats_lock"), findings(dir,
        """
        typedef int irqreturn_t;
        static DEFINE_SPINLOCK(dev_lock);
        static DEFINE_SPINLOCK(stats_lock);
        static irqreturn_t dev_interrupt(int irq, void *data)
        {
        	spin_lock(&dev_lock);
        	spin_unlock(&dev_lock);
        	return 0;
        }
        int dev_probe(void) { return request_irq(5, dev_interrupt, 0, "dev", 0); }
        void dev_account(void)
        {
        	unsigned long flags;
        	spin_lock_irqsave(&dev_lock, flags);
        	spin_lock(&stats_lock);
        	spin_unlock(&stats_lock);
        	spin_unlock_irqrestore(&dev_lock, flags);
        }
        void stats_read(void) { spin_lock(&stats_lock); spin_unlock(&stats_lock); }
        """));
  }

  @Test
  void softirqHandlersAndTheBhForms() throws Exception {
    String timer =
        """
        struct timer_list { int expires; };
        static DEFINE_SPINLOCK(q_lock);
        static struct timer_list q_timer;
        static void q_timeout(struct timer_list *t) { spin_lock(&q_lock); spin_unlock(&q_lock); }
        void q_init(void) { timer_setup(&q_timer, q_timeout, 0); }
        """;
    assertEquals(List.of("LO003 q_lock"), findings(dir, timer
        + "void q_add(void) { spin_lock(&q_lock); spin_unlock(&q_lock); }\n"));
    assertEquals(List.of(), findings(dir, timer
        + "void q_add(void) { spin_lock_bh(&q_lock); spin_unlock_bh(&q_lock); }\n"));
  }

  @Test
  void rwlockReadersAreRecursiveInInterruptContextOnly() throws Exception {
    // lib/locking-selftest.c queued_read_lock_hardirq_ER_rE: B -> read(A) in a handler, where the
    // reader is recursive (R), and read(A) -> B with interrupts off. B -(ER)-> A -(SN)-> B is not
    // strong: no deadlock. With the first path in process context the reader is r, and it is.
    String readerThenB =
        """
        typedef int irqreturn_t;
        static DEFINE_RWLOCK(rw_a);
        static DEFINE_SPINLOCK(lock_b);
        void reader_side(void)
        {
        	unsigned long flags;
        	read_lock_irqsave(&rw_a, flags);
        	spin_lock(&lock_b);
        	spin_unlock(&lock_b);
        	read_unlock_irqrestore(&rw_a, flags);
        }
        """;
    String bThenReader =
        """
        {
        	spin_lock(&lock_b);
        	read_lock(&rw_a);
        	read_unlock(&rw_a);
        	spin_unlock(&lock_b);
        	return 0;
        }
        """;
    assertEquals(List.of(), findings(dir, readerThenB
        + "static irqreturn_t h(int irq, void *d)\n" + bThenReader
        + "int probe(void) { return request_irq(1, h, 0, \"h\", 0); }\n"));
    assertEquals(List.of("LO001 lock_b -> rw_a"), findings(dir, readerThenB
        + "int b_then_reader(void)\n" + bThenReader));
  }
}
