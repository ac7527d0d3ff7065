/*
 * locking-selftest.c: irqsafe2B_soft_rlock_{12,21}, "soft-safe-A + irqs-on"
 * (DO_TESTCASE_2x6 irqsafe2B), the rlock column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A in softirq
 * context. E2 disables softirqs (local_bh_disable), takes rwlock_A, enables
 * softirqs again (local_bh_enable) while it still holds rwlock_A, then
 * releases it.
 *
 * lockdep: SUCCESS. local_bh_enable() marks rwlock_A SOFTIRQ-ON-R; with E1's
 * IN-SOFTIRQ-R that is read usage on both sides, which is allowed.
 *
 * lockorder: no finding, the same verdict, but for a weaker reason: it sees
 * no SOFTIRQ-ON usage of rwlock_A at all (see irqsafe2B-soft-spin.c).
 *
 * expect-none
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);

/* E1: softirq context (SOFTIRQ_ENTER), a timer callback */
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

/* E2: process context; softirqs off while taking the lock, re-enabled while holding it */
void thread_E2(void)
{
	local_bh_disable();
	read_lock(&rwlock_A);
	local_bh_enable();
	read_unlock(&rwlock_A);
}
