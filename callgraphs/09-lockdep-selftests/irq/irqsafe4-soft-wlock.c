/*
 * locking-selftest.c: irqsafe4_soft_wlock_{123,...,321}, "soft-safe-A +
 * unsafe-B #2" (DO_TESTCASE_6x6 irqsafe4), the wlock column: a lock turns
 * softirq-safe after it took a softirq-unsafe lock.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_t, write_lock: an exclusive locker (W). E1 disables softirqs
 * (local_bh_disable) and takes rwlock_A, then rwlock_B; E2 takes rwlock_B in
 * process context with softirqs enabled; E3 takes rwlock_A in softirq
 * context.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": rwlock_A is
 * {IN-SOFTIRQ-W} (E3), rwlock_B {SOFTIRQ-ON-W} (E2), and rwlock_A -> rwlock_B
 * (E1). CPU0 holds rwlock_B with softirqs on (E2); CPU1 holds rwlock_A and
 * spins on rwlock_B (E1); the softirq on CPU0 spins on rwlock_A.
 *
 * lockorder reports it as LO003 rwlock_A -> rwlock_B, at E2's acquisition of
 * rwlock_B.
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, softirqs disabled: rwlock_A, then rwlock_B */
void thread_E1(void)
{
	local_bh_disable();
	write_lock(&rwlock_A);
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
	local_bh_enable();
}

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	write_lock(&rwlock_B); /* expect LO003: rwlock_A -> rwlock_B */
	write_unlock(&rwlock_B);
}

/* E3: softirq context (SOFTIRQ_ENTER), a timer callback */
void test_timer_fn(struct timer_list *t)
{
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
}

/* registers the timer callback */
void test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
}
