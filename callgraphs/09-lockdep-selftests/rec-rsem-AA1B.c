/*
 * locking-selftest.c: rsem_AA1B (the "recursive read-lock" section).
 *
 * The selftest's X1 and X2 are two locks initialised with one key, so one
 * class; here they are the same member of two objects of one struct type, x1
 * and x2, which lockorder (like lockdep) takes as one class, obj_x.sem. Here
 * x1.sem is taken by down_read (r), then x2.sem by down_read (r).
 *
 * lockdep: FAILURE. "recursive read-lock #2", "possible recursive locking
 * detected": two instances of one rwsem class read-locked nested.
 * Non-recursive readers of one class may not nest: writers queued on each
 * instance turn two opposite nestings into a deadlock.
 *
 * Must report: LO002 obj_x.sem.
 */

struct rw_semaphore { long count; };

struct obj_x {
	struct rw_semaphore sem;
	int data;
};

static struct obj_x x1, x2;

void thread_1(void)
{
	down_read(&x1.sem);
	down_read(&x2.sem); /* expect LO002: obj_x.sem */
	x2.data = x1.data;
	up_read(&x2.sem);
	up_read(&x1.sem);
}
