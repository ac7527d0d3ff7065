/*
 * Not a selftest verdict: locking-selftest.c: rlock_AA1, "recursive read-lock"
 * with force_read_lock_recursive cleared, i.e. what 6.1 lockdep reports for
 * the same code in process context on a queued-rwlock kernel (x86, arm64),
 * lockorder's default. The recursive-read twin, with the selftest's verdict
 * SUCCESS, is ../rec-rlock-AA1.c.
 *
 * rwlock_t readers are non-recursive (r) here (this folder's lockorder.yaml:
 * rwlock_read: non-recursive).
 *
 * lockdep (queued rwlock, process context): FAILURE. One rwlock read-locked
 * twice by one thread. As a non-recursive reader (r) the second read_lock
 * waits behind a writer that queued after the first: a self-deadlock,
 * "possible recursive locking".
 *
 * Must report: LO002 obj_x.lock.
 */

typedef struct { int raw; } rwlock_t;

struct obj_x {
	rwlock_t lock;
	int data;
};

static struct obj_x x1;

void thread_1(void)
{
	read_lock(&x1.lock);
	read_lock(&x1.lock); /* expect LO002: obj_x.lock */
	x1.data = x1.data;
	read_unlock(&x1.lock);
	read_unlock(&x1.lock);
}
