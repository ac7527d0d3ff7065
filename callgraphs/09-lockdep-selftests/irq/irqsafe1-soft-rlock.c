/*
 * locking-selftest.c: irqsafe1_soft_rlock_{12,21}, "soft-irqs-on +
 * irq-safe-A" (DO_TESTCASE_2x6 irqsafe1), the rlock column.
 *
 * Stands for the 2 runs {12, 21}: they run the same steps E1..E2 in a
 * different order. lockdep's verdict is the same for every order, and a
 * static analysis sees no order, so one file; each step is a function of its
 * own (a thread entry, or the interrupt handler).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A in softirq
 * context; E2 takes it in process context with softirqs enabled.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-SOFTIRQ-R} and {SOFTIRQ-ON-R}: read usage
 * on both sides is allowed. The interrupt's read_lock is a recursive reader:
 * it shares rwlock_A with the reader it interrupted, and does not queue
 * behind a waiting writer.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
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

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}
