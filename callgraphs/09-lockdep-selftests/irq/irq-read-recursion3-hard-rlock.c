/*
 * locking-selftest.c: irq_read_recursion3_hard_rlock_{123,...,321}, "hard-irq
 * read-recursion #3" (DO_TESTCASE_6x2x2RW irq_read_recursion3), the rlock
 * column: "read-lock / write-lock recursion that is unsafe" (for wlock),
 * rwlock_A ENABLED_*_READ, rwlock_B USED_IN_*_READ.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A and rwlock_B, rwlock_t. E1 disables hardirqs, write-locks
 * rwlock_B, then takes rwlock_A with the column's read_lock; E2 read-locks
 * rwlock_A in process context with hardirqs enabled (a recursive reader,
 * force_read_lock_recursive); E3 read-locks rwlock_B in hardirq context.
 *
 * lockdep: SUCCESS. rwlock_B -(ER)-> rwlock_A: E1's read_lock of rwlock_A is
 * recursive, and a path ending in a recursive read conflicts only with a
 * write usage of its last lock with hardirqs on; rwlock_A is only
 * HARDIRQ-ON-R. CPU1's read_lock of rwlock_A does not wait for CPU0's reader.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* E1: process context, hardirqs disabled: rwlock_B (write), then rwlock_A */
void thread_E1(void)
{
	local_irq_disable();
	write_lock(&rwlock_B);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	write_unlock(&rwlock_B);
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
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
