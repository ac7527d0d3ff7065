/*
 * locking-selftest.c: irqsafe2B_soft_wlock_{12,21}, "soft-safe-A + irqs-on"
 * (DO_TESTCASE_2x6 irqsafe2B), the wlock column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, write_lock: an exclusive locker (W). E1 takes rwlock_A in
 * softirq context. E2 disables softirqs (local_bh_disable), takes rwlock_A,
 * enables softirqs again (local_bh_enable) while it still holds rwlock_A,
 * then releases it.
 *
 * lockdep: FAILURE, "inconsistent lock state" {IN-SOFTIRQ-W} ->
 * {SOFTIRQ-ON-W}: taking rwlock_A with softirqs off marks nothing, but
 * local_bh_enable() with rwlock_A held marks every held lock SOFTIRQ-ON-W:
 * from there to the unlock the softirq of E1 can interrupt this CPU and spin
 * on rwlock_A.
 *
 * lockorder agrees. (The first translation found it missing: lockorder
 * then marked a lock irq-unsafe only where it was taken; enabling
 * interrupts with the lock held now marks it too, as lockdep does, and a
 * read usage counts where the path holds that end exclusively.)
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);

/* E1: softirq context (SOFTIRQ_ENTER), a timer callback */
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

/* E2: process context; softirqs off while taking the lock, re-enabled while holding it */
void thread_E2(void)
{
	local_bh_disable();
	write_lock(&rwlock_A);
	local_bh_enable(); /* expect LO003: rwlock_A */
	write_unlock(&rwlock_A);
}
