/*
 * locking-selftest.c: irq_inversion_hard_rlock_{123,...,321}, "hard-irq
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
 * anyway). E1 disables hardirqs, write-locks rwlock_A, then takes rwlock_B;
 * E2 takes rwlock_B in process context with hardirqs enabled; E3 read-locks
 * rwlock_A in hardirq context.
 *
 * lockdep: SUCCESS. rwlock_B is only read-locked: {HARDIRQ-ON-R}. The path
 * rwlock_A -(ER)-> rwlock_B ends in a recursive read, which conflicts only
 * with a write usage of rwlock_B with hardirqs on (lockdep's strong-path rule
 * for irq inversions): CPU1's read_lock of rwlock_B does not wait for CPU2's
 * reader, so CPU1 releases rwlock_A and the interrupt gets it.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, hardirqs disabled: rwlock_A (write), then rwlock_B */
void thread_E1(void)
{
	local_irq_disable();
	write_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
	local_irq_enable();
}

/* E2: process context, hardirqs enabled */
void thread_E2(void)
{
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
}

/* E3: hardirq context (HARDIRQ_ENTER), registered with request_irq */
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
