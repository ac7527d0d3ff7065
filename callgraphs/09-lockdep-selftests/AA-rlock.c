/*
 * locking-selftest.c: AA(rlock) -- "A-A deadlock", the rlock column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: rwlock_t, read_lock: a recursive reader (R) here, because the selftest
 * sets force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * rwlock_X[0] and rwlock_X[1]: lockorder, like lockdep, judges per class, so
 * this is the class rwlock_X acquired while an instance of it is held.
 *
 * lockdep: SUCCESS (no report). A recursive reader taken while the class is
 * held for read is allowed: readers do not block recursive readers, and a
 * waiting writer does not block them either.
 *
 * expect-none
 */

typedef struct { int raw; } rwlock_t;

static rwlock_t rwlock_X[2];

void thread_1(void)
{
	read_lock(&rwlock_X[0]);
	read_lock(&rwlock_X[1]);
	read_unlock(&rwlock_X[1]);
	read_unlock(&rwlock_X[0]);
}
