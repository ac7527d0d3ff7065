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
 * lockorder has no interrupt context and no edge from the locks a thread
 * holds with interrupts on to the locks a handler takes: it sees only
 * lock_B -> rwlock_A and reports nothing.  Known gap below.
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

/* process context, hardirqs disabled */
void thread_1(void)
{
	local_irq_disable();
	spin_lock(&lock_B);
	read_lock(&rwlock_A); /* expect-gap LO001: rwlock_A -> lock_B — no interrupt edges: a handler taking lock_B may run while thread_2 read-holds rwlock_A with irqs on */
	read_unlock(&rwlock_A);
	spin_unlock(&lock_B);
	local_irq_enable();
}

/* process context, hardirqs enabled */
void thread_2(void)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}
