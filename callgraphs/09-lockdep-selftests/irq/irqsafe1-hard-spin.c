/*
 * locking-selftest.c: irqsafe1_hard_spin_{12,21}, "hard-irqs-on + irq-safe-A"
 * (DO_TESTCASE_2x6 irqsafe1), the spin column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W). E1 takes lock_A in
 * hardirq context; E2 takes it in process context with hardirqs enabled.
 *
 * lockdep: FAILURE, "inconsistent lock state": lock_A is {IN-HARDIRQ-W} (E1)
 * and {HARDIRQ-ON-W} (E2). A CPU in E2 holding lock_A with hardirqs on takes
 * the interrupt, and the hardirq spins on lock_A, which the interrupted code
 * on the same CPU can never release.
 *
 * lockorder reports it as LO003 on the one class: lock_A is taken in the
 * hardirq handler and by a process-context entry point with hardirqs enabled.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_SPINLOCK(lock_A);

/* E1: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_A);
	spin_unlock(&lock_A);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	spin_lock(&lock_A); /* expect LO003: lock_A */
	spin_unlock(&lock_A);
}
