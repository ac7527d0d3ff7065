/*
 * locking-selftest.c: AA(wlock) -- "A-A deadlock", the wlock column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: rwlock_t, write_lock: an exclusive locker (W).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * rwlock_X[0] and rwlock_X[1]: lockorder, like lockdep, judges per class, so
 * this is the class rwlock_X acquired while an instance of it is held.
 *
 * lockdep: FAILURE, "possible recursive locking detected": an exclusive lock
 * of a class taken while that class is held: the second acquisition waits for
 * the first (one thread deadlocks on itself if the two are one lock; two
 * threads taking the pair in opposite order deadlock if they are two).
 *
 * Must report: LO002 rwlock_X.
 */

typedef struct { int raw; } rwlock_t;

static rwlock_t rwlock_X[2];

void thread_1(void)
{
	write_lock(&rwlock_X[0]);
	write_lock(&rwlock_X[1]); /* expect LO002: rwlock_X */
	write_unlock(&rwlock_X[1]);
	write_unlock(&rwlock_X[0]);
}
