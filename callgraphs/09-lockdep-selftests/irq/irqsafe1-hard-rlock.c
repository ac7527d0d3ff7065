/*
 * locking-selftest.c: irqsafe1_hard_rlock_{12,21}, "hard-irqs-on +
 * irq-safe-A" (DO_TESTCASE_2x6 irqsafe1), the rlock column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A in hardirq
 * context; E2 takes it in process context with hardirqs enabled.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-HARDIRQ-R} and {HARDIRQ-ON-R}: read usage
 * on both sides is allowed. The interrupt's read_lock is a recursive reader:
 * it shares rwlock_A with the reader it interrupted, and does not queue
 * behind a waiting writer.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
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

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}
