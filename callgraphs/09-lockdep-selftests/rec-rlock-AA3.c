/*
 * locking-selftest.c: rlock_AA3 (the "recursive read-lock" section).
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest's X1 and X2 are two locks initialised with one key, so one
 * class; here they are the same member of two objects of one struct type, x1
 * and x2, which lockorder (like lockdep) takes as one class, obj_x.lock. Here
 * x1.lock is taken by write_lock (W), then x2.lock by read_lock (R).
 *
 * lockdep: FAILURE. "mixed write-read-lock", "possible recursive locking
 * detected": a read lock of the class taken while the class is write-held.
 * Even a recursive reader waits for a writer that holds the lock.
 *
 * Must report: LO002 obj_x.lock.
 */

typedef struct { int raw; } rwlock_t;

struct obj_x {
	rwlock_t lock;
	int data;
};

static struct obj_x x1, x2;

void thread_1(void)
{
	write_lock(&x1.lock);
	read_lock(&x2.lock); /* expect LO002: obj_x.lock */
	x2.data = x1.data;
	read_unlock(&x2.lock);
	write_unlock(&x1.lock);
}
