/*
 * locking-selftest.c: irqsafe2B_hard_spin_{12,21}, "hard-safe-A + irqs-on"
 * (DO_TESTCASE_2x6 irqsafe2B), the spin column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W). E1 takes lock_A in
 * hardirq context. E2 disables hardirqs (local_irq_disable), takes lock_A,
 * enables hardirqs again (local_irq_enable) while it still holds lock_A, then
 * releases it.
 *
 * lockdep: FAILURE, "inconsistent lock state" {IN-HARDIRQ-W} ->
 * {HARDIRQ-ON-W}: taking lock_A with hardirqs off marks nothing, but
 * local_irq_enable() with lock_A held marks every held lock HARDIRQ-ON-W:
 * from there to the unlock the hardirq of E1 can interrupt this CPU and spin
 * on lock_A.
 *
 * lockorder agrees. (The first translation found it missing: lockorder
 * then marked a lock irq-unsafe only where it was taken; enabling
 * interrupts with the lock held now marks it too, as lockdep does, and a
 * read usage counts where the path holds that end exclusively.)
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_SPINLOCK(lock_A);

/* E1: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_A);
	spin_unlock(&lock_A);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}

/* E2: process context; hardirqs off while taking the lock, re-enabled while holding it */
void thread_E2(void)
{
	local_irq_disable();
	spin_lock(&lock_A);
	local_irq_enable(); /* expect LO003: lock_A */
	spin_unlock(&lock_A);
}
