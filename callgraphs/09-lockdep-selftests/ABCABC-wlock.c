/*
 * locking-selftest.c: ABCABC(wlock) -- "A-B-C-A-B-C deadlock", the wlock
 * column of DO_TESTCASE_6R(ABCABC).
 *
 * Lock: rwlock_t, write_lock: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwlock_A -(EN)-> rwlock_B, rwlock_C -(EN)-> rwlock_A,
 * rwlock_B -(EN)-> rwlock_C.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on
 * rwlock_A -> rwlock_B -> rwlock_C -> rwlock_A: every edge is exclusive to
 * non-recursive, so every circle is strong: each thread can hold its first
 * lock while waiting for the next thread's.
 *
 * Must report: LO001 rwlock_A -> rwlock_B -> rwlock_C, at the acquisition that
 * closes the circle.
 */

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);
static DEFINE_RWLOCK(rwlock_C);

/* rwlock_A then rwlock_B */
void thread_1(void)
{
	write_lock(&rwlock_A);
	write_lock(&rwlock_B);
	write_unlock(&rwlock_B);
	write_unlock(&rwlock_A);
}

/* rwlock_C then rwlock_A */
void thread_2(void)
{
	write_lock(&rwlock_C);
	write_lock(&rwlock_A);
	write_unlock(&rwlock_A);
	write_unlock(&rwlock_C);
}

/* rwlock_B then rwlock_C */
void thread_3(void)
{
	write_lock(&rwlock_B);
	write_lock(&rwlock_C); /* expect LO001: rwlock_A -> rwlock_B -> rwlock_C */
	write_unlock(&rwlock_C);
	write_unlock(&rwlock_B);
}
