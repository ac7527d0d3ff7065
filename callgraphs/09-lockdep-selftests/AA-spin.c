/*
 * locking-selftest.c: AA(spin) -- "A-A deadlock", the spin column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: spinlock_t, spin_lock: an exclusive locker (W).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * lock_X[0] and lock_X[1]: lockorder, like lockdep, judges per class, so this
 * is the class lock_X acquired while an instance of it is held.
 *
 * lockdep: FAILURE, "possible recursive locking detected": an exclusive lock
 * of a class taken while that class is held: the second acquisition waits for
 * the first (one thread deadlocks on itself if the two are one lock; two
 * threads taking the pair in opposite order deadlock if they are two).
 *
 * Must report: LO002 lock_X.
 */

typedef struct { int rlock; } spinlock_t;

static spinlock_t lock_X[2];

void thread_1(void)
{
	spin_lock(&lock_X[0]);
	spin_lock(&lock_X[1]); /* expect LO002: lock_X */
	spin_unlock(&lock_X[1]);
	spin_unlock(&lock_X[0]);
}
