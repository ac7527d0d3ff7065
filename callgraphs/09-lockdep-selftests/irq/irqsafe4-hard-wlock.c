/*
 * locking-selftest.c: irqsafe4_hard_wlock_{123,...,321}, "hard-safe-A +
 * unsafe-B #2" (DO_TESTCASE_6x6 irqsafe4), the wlock column: a lock turns
 * hardirq-safe after it took a hardirq-unsafe lock.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_t, write_lock: an exclusive locker (W). E1 disables hardirqs
 * (local_irq_disable) and takes rwlock_A, then rwlock_B; E2 takes rwlock_B in
 * process context with hardirqs enabled; E3 takes rwlock_A in hardirq
 * context.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": rwlock_A is
 * {IN-HARDIRQ-W} (E3), rwlock_B {HARDIRQ-ON-W} (E2), and rwlock_A -> rwlock_B
 * (E1). CPU0 holds rwlock_B with hardirqs on (E2); CPU1 holds rwlock_A and
 * spins on rwlock_B (E1); the hardirq on CPU0 spins on rwlock_A.
 *
 * lockorder reports it as LO003 rwlock_A -> rwlock_B, at E2's acquisition of
 * rwlock_B.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, hardirqs disabled: rwlock_A, then rwlock_B */
void thread_E1(void)
{
	local_irq_disable();
	write_lock(&rwlock_A);
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
	local_irq_enable();
}

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	write_lock(&rwlock_B); /* expect LO003: rwlock_A -> rwlock_B */
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
