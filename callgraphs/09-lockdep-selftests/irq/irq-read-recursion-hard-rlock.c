/*
 * locking-selftest.c: irq_read_recursion_hard_rlock_{123,...,321}, "hard-irq
 * read-recursion" (DO_TESTCASE_6x2x2RW irq_read_recursion), the rlock column:
 * "read-lock / write-lock recursion that is actually safe" (for rlock).
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A, an rwlock_t; lock_B, a spinlock_t. E1 disables hardirqs
 * and write-locks rwlock_A; E2 read-locks rwlock_A in process context with
 * hardirqs enabled (a recursive reader, force_read_lock_recursive); E3, in
 * hardirq context, takes rwlock_A with the column's read_lock, then lock_B.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-HARDIRQ-R} (E3) and {HARDIRQ-ON-R} (E2):
 * read usage on both sides is allowed. The interrupt's read_lock is
 * recursive: even with E1's writer queued on rwlock_A, it joins the reader it
 * interrupted instead of waiting. lock_B is only taken in the interrupt.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

/* E1: process context, hardirqs disabled: rwlock_A (write) */
void thread_E1(void)
{
	local_irq_disable();
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
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
	read_lock(&rwlock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	read_unlock(&rwlock_A);
	return IRQ_HANDLED;
}

/* registers the interrupt handler */
int test_probe(void)
{
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
