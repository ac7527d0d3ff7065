/*
 * locking-selftest.c: irq_read_recursion_soft_wlock_{123,...,321}, "soft-irq
 * read-recursion" (DO_TESTCASE_6x2x2RW irq_read_recursion), the wlock column:
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
 * softirq context, takes rwlock_A with the column's write_lock, then lock_B.
 *
 * lockdep: FAILURE, "inconsistent lock state": rwlock_A is {IN-SOFTIRQ-W}
 * (E3) and {SOFTIRQ-ON-R} (E2). The softirq's write_lock spins on the reader
 * it interrupted.
 *
 * lockorder reports it as LO003 on rwlock_A, at E2's read_lock.
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
	read_lock(&rwlock_A); /* expect LO003: rwlock_A */
	read_unlock(&rwlock_A);
}

/* E3: softirq context (SOFTIRQ_ENTER), a timer callback */
void test_timer_fn(struct timer_list *t)
{
	write_lock(&rwlock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	write_unlock(&rwlock_A);
}

/* registers the timer callback */
void test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
}
