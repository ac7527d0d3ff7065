/*
 * locking-selftest.c: AA(wsem) -- "A-A deadlock", the wsem column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: struct rw_semaphore, down_write: an exclusive locker (W).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * rwsem_X[0] and rwsem_X[1]: lockorder, like lockdep, judges per class, so
 * this is the class rwsem_X acquired while an instance of it is held.
 *
 * lockdep: FAILURE, "possible recursive locking detected": an exclusive lock
 * of a class taken while that class is held: the second acquisition waits for
 * the first (one thread deadlocks on itself if the two are one lock; two
 * threads taking the pair in opposite order deadlock if they are two).
 *
 * Must report: LO002 rwsem_X.
 */

struct rw_semaphore { long count; };

static struct rw_semaphore rwsem_X[2];

void thread_1(void)
{
	down_write(&rwsem_X[0]);
	down_write(&rwsem_X[1]); /* expect LO002: rwsem_X */
	up_write(&rwsem_X[1]);
	up_write(&rwsem_X[0]);
}
