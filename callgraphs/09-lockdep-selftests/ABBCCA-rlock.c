/*
 * locking-selftest.c: ABBCCA(rlock) -- "A-B-B-C-C-A deadlock", the rlock
 * column of DO_TESTCASE_6R(ABBCCA).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R) here, because the selftest
 * sets force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwlock_A -(SR)-> rwlock_B, rwlock_B -(SR)-> rwlock_C,
 * rwlock_C -(SR)-> rwlock_A.
 *
 * lockdep: SUCCESS (no report). The classes form the circle rwlock_A ->
 * rwlock_B -> rwlock_C -> rwlock_A, but every edge is -(SR)->: each lock is
 * entered by a recursive reader and left while held by a reader, and a
 * recursive reader never waits for another reader (nor for a waiting writer).
 * No strong circle, no deadlock.
 *
 * expect-none
 */

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);
static DEFINE_RWLOCK(rwlock_C);

/* rwlock_A then rwlock_B */
void thread_1(void)
{
	read_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	read_unlock(&rwlock_A);
}

/* rwlock_B then rwlock_C */
void thread_2(void)
{
	read_lock(&rwlock_B);
	read_lock(&rwlock_C);
	read_unlock(&rwlock_C);
	read_unlock(&rwlock_B);
}

/* rwlock_C then rwlock_A */
void thread_3(void)
{
	read_lock(&rwlock_C);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	read_unlock(&rwlock_C);
}
