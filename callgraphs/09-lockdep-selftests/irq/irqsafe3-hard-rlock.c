/*
 * locking-selftest.c: irqsafe3_hard_rlock_{123,...,321}, "hard-safe-A +
 * unsafe-B #1" (DO_TESTCASE_6x6 irqsafe3), the rlock column.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_t, read_lock: a recursive reader (R), as the selftest forces
 * with force_read_lock_recursive (this folder's lockorder.yaml); in interrupt
 * context lockdep treats it as recursive anyway. E1 takes rwlock_A, then
 * rwlock_B, in process context with hardirqs enabled; E2 takes rwlock_B with
 * hardirqs enabled; E3 takes rwlock_A in hardirq context.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-HARDIRQ-R} and {HARDIRQ-ON-R}, rwlock_B
 * {HARDIRQ-ON-R}: read usage on both sides of rwlock_A is allowed. The path
 * rwlock_A -(SR)-> rwlock_B is no inversion either: by lockdep's rule for irq
 * inversions (strong paths, 5.10), a path that starts with its first lock
 * read-held (-(S*)->) conflicts only with a write usage of that lock in the
 * interrupt, and one that ends in a recursive read (-(*R)->) only with a
 * write usage of its last lock with interrupts on; both usages here are
 * reads. Every reader here is recursive; nobody waits.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, hardirqs enabled: rwlock_A, then rwlock_B */
void thread_E1(void)
{
	read_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	read_unlock(&rwlock_A);
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
