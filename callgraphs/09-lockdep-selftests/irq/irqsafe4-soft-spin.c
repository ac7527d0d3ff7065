/*
 * locking-selftest.c: irqsafe4_soft_spin_{123,...,321}, "soft-safe-A +
 * unsafe-B #2" (DO_TESTCASE_6x6 irqsafe4), the spin column: a lock turns
 * softirq-safe after it took a softirq-unsafe lock.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: spinlock_t, spin_lock: an exclusive locker (W). E1 disables softirqs
 * (local_bh_disable) and takes lock_A, then lock_B; E2 takes lock_B in
 * process context with softirqs enabled; E3 takes lock_A in softirq context.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": lock_A is
 * {IN-SOFTIRQ-W} (E3), lock_B {SOFTIRQ-ON-W} (E2), and lock_A -> lock_B (E1).
 * CPU0 holds lock_B with softirqs on (E2); CPU1 holds lock_A and spins on
 * lock_B (E1); the softirq on CPU0 spins on lock_A.
 *
 * lockorder reports it as LO003 lock_A -> lock_B, at E2's acquisition of
 * lock_B.
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_SPINLOCK(lock_A);
static DEFINE_SPINLOCK(lock_B);

/* E1: process context, softirqs disabled: lock_A, then lock_B */
void thread_E1(void)
{
	local_bh_disable();
	spin_lock(&lock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	spin_unlock(&lock_A);
	local_bh_enable();
}

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	spin_lock(&lock_B); /* expect LO003: lock_A -> lock_B */
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
