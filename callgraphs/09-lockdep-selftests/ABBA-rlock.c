/*
 * locking-selftest.c: ABBA(rlock) -- "A-B-B-A deadlock", the rlock column of
 * DO_TESTCASE_6R(ABBA).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R) here, because the selftest
 * sets force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwlock_A -(SR)-> rwlock_B, rwlock_B -(SR)-> rwlock_A.
 *
 * lockdep: SUCCESS (no report). The classes form the circle rwlock_A ->
 * rwlock_B -> rwlock_A, but every edge is -(SR)->: each lock is entered by a
 * recursive reader and left while held by a reader, and a recursive reader
 * never waits for another reader (nor for a waiting writer). No strong circle,
 * no deadlock.
 *
 * expect-none
 */

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* rwlock_A then rwlock_B */
void thread_1(void)
{
	read_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	read_unlock(&rwlock_A);
}

/* rwlock_B then rwlock_A */
void thread_2(void)
{
	read_lock(&rwlock_B);
	read_lock(&rwlock_A);
	read_unlock(&rwlock_A);
	read_unlock(&rwlock_B);
}
