/*
 * locking-selftest.c: irq_read_recursion3_hard_wlock_{123,...,321}, "hard-irq
 * read-recursion #3" (DO_TESTCASE_6x2x2RW irq_read_recursion3), the wlock
 * column: "read-lock / write-lock recursion that is unsafe" (for wlock),
 * rwlock_A ENABLED_*_READ, rwlock_B USED_IN_*_READ.
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A and rwlock_B, rwlock_t. E1 disables hardirqs, write-locks
 * rwlock_B, then takes rwlock_A with the column's write_lock; E2 read-locks
 * rwlock_A in process context with hardirqs enabled (a recursive reader,
 * force_read_lock_recursive); E3 read-locks rwlock_B in hardirq context.
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency": rwlock_B is
 * {IN-HARDIRQ-R} (E3), rwlock_A {HARDIRQ-ON-R} (E2), and rwlock_B -(EN)->
 * rwlock_A (E1). Read usages on both sides, yet a deadlock: CPU0 read-holds
 * rwlock_A with hardirqs on; CPU1 write-holds rwlock_B and its write_lock of
 * rwlock_A waits for CPU0's reader; the hardirq on CPU0 read-locks rwlock_B
 * and waits for CPU1's writer. Since 5.10 ("lockdep: Fix recursive read lock
 * related safe->unsafe detection") lockdep checks read/read pairs too, along
 * strong paths: the path starts with rwlock_B write-held (-(E*)->) and ends
 * in a non-recursive acquisition (-(*N)->), so both read usages count.
 *
 * lockorder agrees. (The first translation found it missing: lockorder
 * then marked a lock irq-unsafe only where it was taken; enabling
 * interrupts with the lock held now marks it too, as lockdep does, and a
 * read usage counts where the path holds that end exclusively.)
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
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
	write_unlock(&rwlock_B);
	local_irq_enable();
}

/* E2: process context, hardirqs enabled: rwlock_A (read) */
void thread_E2(void)
{
	read_lock(&rwlock_A); /* expect LO003: rwlock_B -> rwlock_A */
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
