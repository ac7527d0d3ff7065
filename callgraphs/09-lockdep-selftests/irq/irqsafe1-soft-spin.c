/*
 * locking-selftest.c: irqsafe1_soft_spin_{12,21}, "soft-irqs-on + irq-safe-A"
 * (DO_TESTCASE_2x6 irqsafe1), the spin column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W). E1 takes lock_A in
 * softirq context; E2 takes it in process context with softirqs enabled.
 *
 * lockdep: FAILURE, "inconsistent lock state": lock_A is {IN-SOFTIRQ-W} (E1)
 * and {SOFTIRQ-ON-W} (E2). A CPU in E2 holding lock_A with softirqs on takes
 * the interrupt, and the softirq spins on lock_A, which the interrupted code
 * on the same CPU can never release.
 *
 * lockorder reports it as LO003 on the one class: lock_A is taken in the
 * softirq handler and by a process-context entry point with softirqs enabled.
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

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	spin_lock(&lock_A); /* expect LO003: lock_A */
	spin_unlock(&lock_A);
}
