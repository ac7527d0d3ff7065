/*
 * locking-selftest.c: ABCDBDDA(wlock) -- "A-B-C-D-B-D-D-A deadlock", the wlock
 * column of DO_TESTCASE_6R(ABCDBDDA).
 *
 * Lock: rwlock_t, write_lock: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwlock_A -(EN)-> rwlock_B, rwlock_C -(EN)-> rwlock_D,
 * rwlock_B -(EN)-> rwlock_D, rwlock_D -(EN)-> rwlock_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on
 * rwlock_A -> rwlock_B -> rwlock_D -> rwlock_A: every edge is exclusive to
 * non-recursive, so every circle is strong: each thread can hold its first
 * lock while waiting for the next thread's. (rwlock_C -> rwlock_D is not on
 * the cycle.)
 *
 * Must report: LO001 rwlock_A -> rwlock_B -> rwlock_D, at the acquisition that
 * closes the circle.
 */

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);
static DEFINE_RWLOCK(rwlock_C);
static DEFINE_RWLOCK(rwlock_D);

/* rwlock_A then rwlock_B */
void thread_1(void)
{
	write_lock(&rwlock_A);
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
}

/* rwlock_C then rwlock_D */
void thread_2(void)
{
	write_lock(&rwlock_C);
	write_lock(&rwlock_D);
	write_unlock(&rwlock_D);
	write_unlock(&rwlock_C);
}

/* rwlock_B then rwlock_D */
void thread_3(void)
{
	write_lock(&rwlock_B);
	write_lock(&rwlock_D);
	write_unlock(&rwlock_D);
	write_unlock(&rwlock_B);
}

/* rwlock_D then rwlock_A */
void thread_4(void)
{
	write_lock(&rwlock_D);
	write_lock(&rwlock_A); /* expect LO001: rwlock_A -> rwlock_B -> rwlock_D */
	write_unlock(&rwlock_A);
	write_unlock(&rwlock_D);
}
