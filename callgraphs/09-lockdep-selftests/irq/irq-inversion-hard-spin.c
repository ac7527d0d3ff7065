/*
 * locking-selftest.c: irq_inversion_hard_spin_{123,...,321}, "hard-irq
 * lock-inversion" (DO_TESTCASE_6x6RW irq_inversion), the spin column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A is an rwlock_t in every column (the selftest's WL/RL);
 * spinlock_B is the column's lock (spinlock_t, spin_lock: an exclusive locker
 * (W)). E1 disables hardirqs, write-locks rwlock_A, then takes spinlock_B; E2
 * takes spinlock_B in process context with hardirqs enabled; E3 read-locks
 * rwlock_A in hardirq context.
 *
 * The selftest's spinlock B is lock_B; here it is spinlock_B, so that its
 * name sorts after rwlock_A: the corpus harness compares an LO003 path like a
 * cycle, up to rotation (see the folder README).
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": rwlock_A is
 * {IN-HARDIRQ-R} (E3), spinlock_B {HARDIRQ-ON-W} (E2), and rwlock_A -(EN)->
 * spinlock_B (E1). The selftest's own scenario: CPU1 write-holds rwlock_A and
 * spins on spinlock_B; CPU2 holds spinlock_B; the hardirq on CPU2 read-locks
 * rwlock_A and spins behind CPU1's writer.
 *
 * lockorder reports it as LO003 rwlock_A -> spinlock_B, at E2's acquisition
 * of spinlock_B.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(spinlock_B);

/* E1: process context, hardirqs disabled: rwlock_A (write), then spinlock_B */
void thread_E1(void)
{
	local_irq_disable();
	write_lock(&rwlock_A);
	spin_lock(&spinlock_B);
	spin_unlock(&spinlock_B);
	write_unlock(&rwlock_A);
	local_irq_enable();
}

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	spin_lock(&spinlock_B); /* expect LO003: rwlock_A -> spinlock_B */
	spin_unlock(&spinlock_B);
}

/* E3: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
