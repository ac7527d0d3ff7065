/*
 * locking-selftest.c: irqsafe3_soft_spin_{123,...,321}, "soft-safe-A +
 * unsafe-B #1" (DO_TESTCASE_6x6 irqsafe3), the spin column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: spinlock_t, spin_lock: an exclusive locker (W). E1 takes lock_A,
 * then lock_B, in process context with softirqs enabled; E2 takes lock_B with
 * softirqs enabled; E3 takes lock_A in softirq context.
 *
 * lockdep: FAILURE. lock_A is {IN-SOFTIRQ-W} (E3) and {SOFTIRQ-ON-W} (E1):
 * "inconsistent lock state"; lock_A -> lock_B with lock_B softirq-unsafe is
 * also an irq lock inversion. Which of the two lockdep prints depends on the
 * order of the run (it stops at the first report); every order fails.
 *
 * lockorder reports LO003 on lock_A (inconsistent lock state) only: once the
 * irq-safe class is itself irq-unsafe, it does not follow its edges further
 * (lock_A -> lock_B); that violation covers what lies beyond it.
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_SPINLOCK(lock_A);
static DEFINE_SPINLOCK(lock_B);

/* E1: process context, softirqs enabled: lock_A, then lock_B */
void thread_E1(void)
{
	spin_lock(&lock_A); /* expect LO003: lock_A */
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	spin_unlock(&lock_A);
}

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
}

/* E3: softirq context (SOFTIRQ_ENTER), a timer callback */
void test_timer_fn(struct timer_list *t)
{
	spin_lock(&lock_A);
	spin_unlock(&lock_A);
}

/* registers the timer callback */
void test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
}
