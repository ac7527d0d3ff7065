/*
 * locking-selftest.c: irqsafe2B_hard_rlock_{12,21}, "hard-safe-A + irqs-on"
 * (DO_TESTCASE_2x6 irqsafe2B), the rlock column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A in hardirq
 * context. E2 disables hardirqs (local_irq_disable), takes rwlock_A, enables
 * hardirqs again (local_irq_enable) while it still holds rwlock_A, then
 * releases it.
 *
 * lockdep: SUCCESS. local_irq_enable() marks rwlock_A HARDIRQ-ON-R; with E1's
 * IN-HARDIRQ-R that is read usage on both sides, which is allowed.
 *
 * lockorder: no finding, the same verdict, but for a weaker reason: it sees
 * no HARDIRQ-ON usage of rwlock_A at all (see irqsafe2B-hard-spin.c).
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);

/* E1: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
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
	read_lock(&rwlock_A);
	local_irq_enable();
	read_unlock(&rwlock_A);
}
