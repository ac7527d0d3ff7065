/*
 * locking-selftest.c: rlock_AA2 (the "recursive read-lock" section).
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest's X1 and X2 are two locks initialised with one key, so one
 * class; here they are the same member of two objects of one struct type, x1
 * and x2, which lockorder (like lockdep) takes as one class, obj_x.lock. Here
 * x1.lock is taken by read_lock (R), then x2.lock by write_lock (W).
 *
 * lockdep: FAILURE. "mixed read-write-lock", "possible recursive locking
 * detected": a write lock of the class taken while the class is read-held. The
 * writer waits for every reader, including the one this thread holds (if the
 * instances are one).
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
	read_lock(&x1.lock);
	write_lock(&x2.lock); /* expect LO002: obj_x.lock */
	x2.data = x1.data;
	write_unlock(&x2.lock);
	read_unlock(&x1.lock);
}
