/*
 * locking-selftest.c: irq_read_recursion_soft_rlock_{123,...,321}, "soft-irq
 * read-recursion" (DO_TESTCASE_6x2x2RW irq_read_recursion), the rlock column:
 * "read-lock / write-lock recursion that is actually safe" (for rlock).
 *
 * Stands for the 6 runs {123, 132, 213, 231, 312, 321}: they run the same
 * steps E1..E3 in a different order. lockdep's verdict is the same for every
 * order, and a static analysis sees no order, so one file; each step is a
 * function of its own (a thread entry, or the interrupt handler).
 *
 * Locks: rwlock_A, an rwlock_t; lock_B, a spinlock_t. E1 disables softirqs
 * and write-locks rwlock_A; E2 read-locks rwlock_A in process context with
 * softirqs enabled (a recursive reader, force_read_lock_recursive); E3, in
 * softirq context, takes rwlock_A with the column's read_lock, then lock_B.
 *
 * lockdep: SUCCESS. rwlock_A is {IN-SOFTIRQ-R} (E3) and {SOFTIRQ-ON-R} (E2):
 * read usage on both sides is allowed. The interrupt's read_lock is
 * recursive: even with E1's writer queued on rwlock_A, it joins the reader it
 * interrupted instead of waiting. lock_B is only taken in the interrupt.
 *
 * lockorder agrees: read-only usage on both sides is not an LO003.
 *
 * expect-none
 */

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_SPINLOCK(lock_B);

/* E1: process context, softirqs disabled: rwlock_A (write) */
void thread_E1(void)
{
	local_bh_disable();
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
	local_bh_enable();
}

/* E2: process context, softirqs enabled: rwlock_A (read) */
void thread_E2(void)
{
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
}

/* E3: softirq context (SOFTIRQ_ENTER), a timer callback */
void test_timer_fn(struct timer_list *t)
{
	read_lock(&rwlock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	read_unlock(&rwlock_A);
}

/* registers the timer callback */
void test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
}
