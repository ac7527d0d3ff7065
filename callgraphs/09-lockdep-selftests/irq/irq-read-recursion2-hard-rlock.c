/*
 * locking-selftest.c: irq_read_recursion2_hard_rlock_{123,...,321}, "hard-irq
 * read-recursion #2" (DO_TESTCASE_6x2x2RW irq_read_recursion2), the rlock
 * column: "read-lock / write-lock recursion that is unsafe" (for wlock).
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A, an rwlock_t; lock_B, a spinlock_t. E1 disables hardirqs,
 * takes lock_B, then rwlock_A with the column's read_lock; E2 read-locks
 * rwlock_A in process context with hardirqs enabled (a recursive reader,
 * force_read_lock_recursive); E3 takes lock_B in hardirq context.
 *
 * lockdep: SUCCESS. lock_B is {IN-HARDIRQ-W}, rwlock_A {HARDIRQ-ON-R}, and
 * lock_B -(ER)-> rwlock_A: E1's read_lock is recursive. A path that ends in a
 * recursive read (-(*R)->) conflicts only with a write usage of its last lock
 * with hardirqs on (HARDIRQ-ON-W; lockdep's usage_match() since "lockdep: Fix
 * recursive read lock related safe->unsafe detection", 5.10): CPU1's
 * read_lock of rwlock_A under lock_B does not wait for CPU0's reader, so the
 * interrupt's spin on lock_B ends.
 *
 * lockorder agrees. (The first translation found a false LO003 here: its
 * rule exempted only read/read pairs; it now judges the ends of the path
 * by the path's edge types, as lockdep does.)
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

/* E1: process context, hardirqs disabled: lock_B, then rwlock_A */
void thread_E1(void)
{
	local_irq_disable();
	spin_lock(&lock_B);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	spin_unlock(&lock_B);
	local_irq_enable();
}

/* E2: process context, hardirqs enabled: rwlock_A (read) */
void thread_E2(void)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}

/* E3: hardirq context (HARDIRQ_ENTER), registered with request_irq */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
