/*
 * locking-selftest.c: rlock_AA1 (the "recursive read-lock" section).
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * One lock, x1.lock, taken twice by one thread: read_lock (R) then read_lock
 * (R).
 *
 * lockdep: SUCCESS. "recursive read-lock": the same rwlock read-locked twice.
 * A recursive reader is not blocked by a reader, nor by a writer that queues
 * between the two read_lock calls, so nesting read sections of one lock is
 * allowed.
 *
 * expect-none
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
	read_lock(&x1.lock);
	x1.data = x1.data;
	read_unlock(&x1.lock);
	read_unlock(&x1.lock);
}
