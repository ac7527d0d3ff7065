/*
 * locking-selftest.c: irqsafe3_soft_rlock_{123,...,321}, "soft-safe-A +
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
 * rwlock_B, in process context with softirqs enabled; E2 takes rwlock_B with
 * softirqs enabled; E3 takes rwlock_A in softirq context.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-SOFTIRQ-R} and {SOFTIRQ-ON-R}, rwlock_B
 * {SOFTIRQ-ON-R}: read usage on both sides of rwlock_A is allowed. The path
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

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, softirqs enabled: rwlock_A, then rwlock_B */
void thread_E1(void)
{
	read_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	read_unlock(&rwlock_A);
}

/* E2: process context, softirqs enabled */
void thread_E2(void)
{
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
}

/* E3: softirq context (SOFTIRQ_ENTER), a timer callback */
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
