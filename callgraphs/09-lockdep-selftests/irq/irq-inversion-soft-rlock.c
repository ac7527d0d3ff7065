/*
 * locking-selftest.c: irq_inversion_soft_rlock_{123,...,321}, "soft-irq
 * lock-inversion" (DO_TESTCASE_6x6RW irq_inversion), the rlock column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A is an rwlock_t in every column (the selftest's WL/RL);
 * rwlock_B is the column's lock (rwlock_t, read_lock: a recursive reader (R),
 * as the selftest forces with force_read_lock_recursive (this folder's
 * lockorder.yaml); in interrupt context lockdep treats it as recursive
 * anyway). E1 disables softirqs, write-locks rwlock_A, then takes rwlock_B;
 * E2 takes rwlock_B in process context with softirqs enabled; E3 read-locks
 * rwlock_A in softirq context.
 *
 * lockdep: SUCCESS. rwlock_B is only read-locked: {SOFTIRQ-ON-R}. The path
 * rwlock_A -(ER)-> rwlock_B ends in a recursive read, which conflicts only
 * with a write usage of rwlock_B with softirqs on (lockdep's strong-path rule
 * for irq inversions): CPU1's read_lock of rwlock_B does not wait for CPU2's
 * reader, so CPU1 releases rwlock_A and the interrupt gets it.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
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
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
	local_bh_enable();
}

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
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
