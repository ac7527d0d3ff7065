/*
 * locking-selftest.c: irqsafe2A_rlock_{12,21}, "sirq-safe-A => hirqs-on"
 * (DO_TESTCASE_2x3 irqsafe2A), the rlock column; softirq only.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A in softirq
 * context. E2 disables hardirqs (local_irq_disable), takes rwlock_A, enables
 * hardirqs again (local_irq_enable) while it still holds rwlock_A, then
 * releases it. Softirqs stay enabled throughout E2.
 *
 * lockdep: SUCCESS. local_irq_enable() marks rwlock_A SOFTIRQ-ON-R, and with
 * E1's IN-SOFTIRQ-R that is read usage on both sides, which is allowed: the
 * softirq's recursive read_lock shares rwlock_A with the reader it
 * interrupted.
 *
 * lockorder: no finding, the same verdict, but for a weaker reason: it sees
 * no SOFTIRQ-ON usage of rwlock_A at all (see irqsafe2A-spin.c); had it seen
 * SOFTIRQ-ON-R, read usage on both sides would still not be an LO003.
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

/* E2: process context; hardirqs off while taking the lock, re-enabled while holding it */
void thread_E2(void)
{
	local_irq_disable();
	read_lock(&rwlock_A);
	local_irq_enable();
	read_unlock(&rwlock_A);
}
