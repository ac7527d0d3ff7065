/*
 * locking-selftest.c: queued_read_lock_hardirq_RE_Er, "hardirq
 * read-lock/lock-read" (queued_read_lock_tests, run with
 * force_read_lock_recursive cleared).
 *
 * test_irq_handler runs in hardirq context: read_lock(rwlock_A), then
 * lock_B.  thread_1 runs in process context with hardirqs off: lock_B, then
 * read_lock(rwlock_A).
 *
 * lockdep: FAILURE.  In the handler read_lock is recursive (R: in_interrupt),
 * in process context it is not (r: queued rwlock), so the edges are
 * rwlock_A -(SN)-> lock_B and lock_B -(EN)-> rwlock_A: strong.  A writer
 * queued on rwlock_A makes thread_1's reader wait while it holds lock_B, and
 * the writer waits for the handler's reader, which spins on lock_B.
 *
 * lockorder agrees: test_irq_handler is registered with request_irq, so its
 * reader is R, thread_1's is r, and the circle is strong.
 *
 * Must report: LO001 rwlock_A -> lock_B.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}

/* hardirq context */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	read_lock(&rwlock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	read_unlock(&rwlock_A);
	return IRQ_HANDLED;
}

/* process context, hardirqs disabled */
void thread_1(void)
{
	local_irq_disable();
	spin_lock(&lock_B);
	read_lock(&rwlock_A); /* expect LO001: rwlock_A -> lock_B */
	read_unlock(&rwlock_A);
	spin_unlock(&lock_B);
	local_irq_enable();
}
