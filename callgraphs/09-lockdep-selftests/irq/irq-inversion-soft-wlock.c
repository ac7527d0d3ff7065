/*
 * locking-selftest.c: irq_inversion_soft_wlock_{123,...,321}, "soft-irq
 * lock-inversion" (DO_TESTCASE_6x6RW irq_inversion), the wlock column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A is an rwlock_t in every column (the selftest's WL/RL);
 * rwlock_B is the column's lock (rwlock_t, write_lock: an exclusive locker
 * (W)). E1 disables softirqs, write-locks rwlock_A, then takes rwlock_B; E2
 * takes rwlock_B in process context with softirqs enabled; E3 read-locks
 * rwlock_A in softirq context.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": rwlock_A is
 * {IN-SOFTIRQ-R} (E3), rwlock_B {SOFTIRQ-ON-W} (E2), and rwlock_A -(EN)->
 * rwlock_B (E1). The selftest's own scenario: CPU1 write-holds rwlock_A and
 * spins on rwlock_B; CPU2 holds rwlock_B; the softirq on CPU2 read-locks
 * rwlock_A and spins behind CPU1's writer.
 *
 * lockorder reports it as LO003 rwlock_A -> rwlock_B, at E2's acquisition of
 * rwlock_B.
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, softirqs disabled: rwlock_A (write), then rwlock_B */
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
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}

/* registers the timer callback */
void test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
}
