/*
 * locking-selftest.c: queued_read_lock_hardirq_inversion, "hardirq
 * inversion" (queued_read_lock_tests, run with force_read_lock_recursive
 * cleared).
 *
 * test_irq_handler takes lock_B in hardirq context, so lock_B is
 * hardirq-safe.  thread_1 (hardirqs off) takes lock_B, then
 * read_lock(rwlock_A): lock_B -> rwlock_A.  thread_2 read-locks rwlock_A with
 * hardirqs enabled, so the handler may interrupt it while it holds the
 * reader and take lock_B: rwlock_A -> lock_B through the interrupt.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": a
 * hardirq-safe lock (lock_B) depends on a lock that is read-held with
 * hardirqs on (rwlock_A), and both read_lock calls are non-recursive (process
 * context, queued rwlock).  CPU0: thread_1 holds lock_B and waits for
 * rwlock_A behind a queued writer; the writer waits for thread_2's reader on
 * CPU1; the handler interrupting thread_2 spins on lock_B.
 *
 * lockorder reports it as LO003, lockdep's irq-safe -> irq-unsafe rule:
 * lock_B is IN-HARDIRQ-W (test_irq_handler is registered with request_irq),
 * rwlock_A is HARDIRQ-ON-R (thread_2), and lock_B -> rwlock_A (thread_1).
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

/* hardirq context */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_B);
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
	spin_lock(&lock_B);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	spin_unlock(&lock_B);
	local_irq_enable();
}

/* process context, hardirqs enabled */
void thread_2(void)
{
	read_lock(&rwlock_A); /* expect LO003: lock_B -> rwlock_A */
	read_unlock(&rwlock_A);
}
