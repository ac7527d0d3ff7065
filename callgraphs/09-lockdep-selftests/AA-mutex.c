/*
 * locking-selftest.c: AA(mutex) -- "A-A deadlock", the mutex column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: struct mutex, mutex_lock: an exclusive locker (W).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * mutex_X[0] and mutex_X[1]: lockorder, like lockdep, judges per class, so
 * this is the class mutex_X acquired while an instance of it is held.
 *
 * lockdep: FAILURE, "possible recursive locking detected": an exclusive lock
 * of a class taken while that class is held: the second acquisition waits for
 * the first (one thread deadlocks on itself if the two are one lock; two
 * threads taking the pair in opposite order deadlock if they are two).
 *
 * Must report: LO002 mutex_X.
 */

struct mutex { long owner; };

static struct mutex mutex_X[2];

void thread_1(void)
{
	mutex_lock(&mutex_X[0]);
	mutex_lock(&mutex_X[1]); /* expect LO002: mutex_X */
	mutex_unlock(&mutex_X[1]);
	mutex_unlock(&mutex_X[0]);
}
