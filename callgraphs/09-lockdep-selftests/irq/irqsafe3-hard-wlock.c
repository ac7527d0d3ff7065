/*
 * locking-selftest.c: irqsafe3_hard_wlock_{123,...,321}, "hard-safe-A +
 * unsafe-B #1" (DO_TESTCASE_6x6 irqsafe3), the wlock column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_t, write_lock: an exclusive locker (W). E1 takes rwlock_A,
 * then rwlock_B, in process context with hardirqs enabled; E2 takes rwlock_B
 * with hardirqs enabled; E3 takes rwlock_A in hardirq context.
 *
 * lockdep: FAILURE. rwlock_A is {IN-HARDIRQ-W} (E3) and {HARDIRQ-ON-W} (E1):
 * "inconsistent lock state"; rwlock_A -> rwlock_B with rwlock_B
 * hardirq-unsafe is also an irq lock inversion. Which of the two lockdep
 * prints depends on the order of the run (it stops at the first report);
 * every order fails.
 *
 * lockorder reports LO003 on rwlock_A (inconsistent lock state) only: once
 * the irq-safe class is itself irq-unsafe, it does not follow its edges
 * further (rwlock_A -> rwlock_B); that violation covers what lies beyond it.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, hardirqs enabled: rwlock_A, then rwlock_B */
void thread_E1(void)
{
	write_lock(&rwlock_A); /* expect LO003: rwlock_A */
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
}

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
}

/* E3: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
