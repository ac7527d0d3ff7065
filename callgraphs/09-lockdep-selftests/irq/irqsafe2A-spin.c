/*
 * locking-selftest.c: irqsafe2A_spin_{12,21}, "sirq-safe-A => hirqs-on"
 * (DO_TESTCASE_2x3 irqsafe2A), the spin column; softirq only.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W). E1 takes lock_A in
 * softirq context. E2 disables hardirqs (local_irq_disable), takes lock_A,
 * enables hardirqs again (local_irq_enable) while it still holds lock_A, then
 * releases it. Softirqs stay enabled throughout E2.
 *
 * lockdep: FAILURE, "inconsistent lock state" {IN-SOFTIRQ-W} ->
 * {SOFTIRQ-ON-W}. lockdep marks usage when a lock is taken and again when
 * interrupts are enabled with it held. E2 takes lock_A with hardirqs off,
 * which marks nothing; local_irq_enable() with lock_A held and softirqs
 * enabled marks it SOFTIRQ-ON-W (lockdep_hardirqs_on_prepare() marks the held
 * locks): from then on an interrupt's exit can run softirqs on this CPU, and
 * E1's softirq spins on lock_A.
 *
 * lockorder misses it (expect-gap): it judges the interrupt state of a lock
 * when the lock is taken. E2 takes lock_A with hardirqs off, which keeps
 * softirqs out too, and local_irq_enable() later only closes the scope; it
 * does not make the locks still held irq-unsafe.
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_SPINLOCK(lock_A);

/* E1: softirq context (SOFTIRQ_ENTER), a timer callback */
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

/* E2: process context; hardirqs off while taking the lock, re-enabled while holding it */
void thread_E2(void)
{
	local_irq_disable();
	spin_lock(&lock_A); /* expect-gap LO003: lock_A — local_irq_enable() with lock_A held does not mark it SOFTIRQ-ON: lockorder judges interrupt state only where a lock is taken */
	local_irq_enable();
	spin_unlock(&lock_A);
}
