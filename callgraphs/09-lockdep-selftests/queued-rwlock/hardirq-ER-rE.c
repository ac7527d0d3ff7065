/*
 * locking-selftest.c: queued_read_lock_hardirq_ER_rE, "hardirq
 * lock-read/read-lock" (queued_read_lock_tests, run with
 * force_read_lock_recursive cleared).
 *
 * test_irq_handler runs in hardirq context: lock_B, then
 * read_lock(rwlock_A).  thread_1 runs in process context with hardirqs off:
 * read_lock(rwlock_A), then lock_B.
 *
 * lockdep: SUCCESS (no report).  The handler's read_lock is recursive (R:
 * in_interrupt), so the edges are lock_B -(ER)-> rwlock_A and
 * rwlock_A -(SN)-> lock_B: rwlock_A is entered by R and left while
 * read-held, not a strong circle.  The handler's reader does not wait
 * behind a queued writer, so it gets past thread_1's reader.
 *
 * lockorder agrees: test_irq_handler is registered with request_irq, so it
 * runs in hardirq context, where an rwlock_t reader is recursive (R).  Were
 * the handler's path in process context, its reader would be r and the
 * circle lock_B -(EN)-> rwlock_A -(SN)-> lock_B strong.  lock_B is taken
 * with hardirqs off in thread_1, so there is no LO003 either.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

/* hardirq context */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_B);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	spin_unlock(&lock_B);
	return IRQ_HANDLED;
}

int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}

/* process context, hardirqs disabled */
void thread_1(void)
{
	local_irq_disable();
	read_lock(&rwlock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	read_unlock(&rwlock_A);
	local_irq_enable();
}
