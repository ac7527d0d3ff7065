/*
 * locking-selftest.c: AA(rsem) -- "A-A deadlock", the rsem column of
 * DO_TESTCASE_6R(AA).
 *
 * Lock: struct rw_semaphore, down_read: a non-recursive reader (r).
 *
 * The selftest takes lock X1 and then X2, two locks initialised with one key
 * (init_class_X), so one lock class. Here they are two elements of one array,
 * rwsem_X[0] and rwsem_X[1]: lockorder, like lockdep, judges per class, so
 * this is the class rwsem_X acquired while an instance of it is held.
 *
 * lockdep: FAILURE, "possible recursive locking detected": a non-recursive
 * reader taken while the class is held for read: a writer queued between the
 * two down_read calls blocks the second one, and the writer waits for the
 * first.
 *
 * Must report: LO002 rwsem_X.
 */

struct rw_semaphore { long count; };

static struct rw_semaphore rwsem_X[2];

void thread_1(void)
{
	down_read(&rwsem_X[0]);
	down_read(&rwsem_X[1]); /* expect LO002: rwsem_X */
	up_read(&rwsem_X[1]);
	up_read(&rwsem_X[0]);
}
