/*
 * locking-selftest.c: rlock_AA1B (the "recursive read-lock" section).
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest's X1 and X2 are two locks initialised with one key, so one
 * class; here they are the same member of two objects of one struct type, x1
 * and x2, which lockorder (like lockdep) takes as one class, obj_x.lock. Here
 * x1.lock is taken by read_lock (R), then x2.lock by read_lock (R).
 *
 * lockdep: SUCCESS. "recursive read-lock #2": two instances of one rwlock
 * class read-locked nested. Recursive readers of one class may nest.
 *
 * expect-none
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
	read_lock(&x2.lock);
	x2.data = x1.data;
	read_unlock(&x2.lock);
	read_unlock(&x1.lock);
}
