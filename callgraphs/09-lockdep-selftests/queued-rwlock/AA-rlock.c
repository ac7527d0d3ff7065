/*
 * Not a selftest verdict: locking-selftest.c: AA(rlock), "A-A deadlock" with
 * force_read_lock_recursive cleared, i.e. what 6.1 lockdep reports for the
 * same code in process context on a queued-rwlock kernel (x86, arm64),
 * lockorder's default. The recursive-read twin, with the selftest's verdict
 * SUCCESS, is the rlock column of DO_TESTCASE_6R(AA) in ../AA-rlock.c.
 *
 * rwlock_t readers are non-recursive (r) here (this folder's lockorder.yaml:
 * rwlock_read: non-recursive).
 *
 * lockdep (queued rwlock, process context): FAILURE. Two instances of one
 * rwlock class, rwlock_X[0] then rwlock_X[1], both read_lock. As non-recursive
 * readers (r) this is "possible recursive locking": a writer queued on the
 * class between the two read_lock calls blocks the second one while it waits
 * for the first.
 *
 * Must report: LO002 rwlock_X.
 */

typedef struct { int raw; } rwlock_t;

static rwlock_t rwlock_X[2];

void thread_1(void)
{
	read_lock(&rwlock_X[0]);
	read_lock(&rwlock_X[1]); /* expect LO002: rwlock_X */
	read_unlock(&rwlock_X[1]);
	read_unlock(&rwlock_X[0]);
}
