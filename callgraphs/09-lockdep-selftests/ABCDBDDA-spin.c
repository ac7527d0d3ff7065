/*
 * locking-selftest.c: ABCDBDDA(spin) -- "A-B-C-D-B-D-D-A deadlock", the spin
 * column of DO_TESTCASE_6R(ABCDBDDA).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: lock_A -(EN)-> lock_B, lock_C -(EN)-> lock_D, lock_B
 * -(EN)-> lock_D, lock_D -(EN)-> lock_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on lock_A
 * -> lock_B -> lock_D -> lock_A: every edge is exclusive to non-recursive, so
 * every circle is strong: each thread can hold its first lock while waiting
 * for the next thread's. (lock_C -> lock_D is not on the cycle.)
 *
 * Must report: LO001 lock_A -> lock_B -> lock_D, at the acquisition that
 * closes the circle.
 */

static DEFINE_SPINLOCK(lock_A);
static DEFINE_SPINLOCK(lock_B);
static DEFINE_SPINLOCK(lock_C);
static DEFINE_SPINLOCK(lock_D);

/* lock_A then lock_B */
void thread_1(void)
{
	spin_lock(&lock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	spin_unlock(&lock_A);
}

/* lock_C then lock_D */
void thread_2(void)
{
	spin_lock(&lock_C);
	spin_lock(&lock_D);
	spin_unlock(&lock_D);
	spin_unlock(&lock_C);
}

/* lock_B then lock_D */
void thread_3(void)
{
	spin_lock(&lock_B);
	spin_lock(&lock_D);
	spin_unlock(&lock_D);
	spin_unlock(&lock_B);
}

/* lock_D then lock_A */
void thread_4(void)
{
	spin_lock(&lock_D);
	spin_lock(&lock_A); /* expect LO001: lock_A -> lock_B -> lock_D */
	spin_unlock(&lock_A);
	spin_unlock(&lock_D);
}
