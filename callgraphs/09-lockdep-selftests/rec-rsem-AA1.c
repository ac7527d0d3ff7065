/*
 * locking-selftest.c: rsem_AA1 (the "recursive read-lock" section).
 *
 * One lock, x1.sem, taken twice by one thread: down_read (r) then down_read
 * (r).
 *
 * lockdep: FAILURE. "recursive read-lock", "possible recursive locking
 * detected": the same rwsem read-locked twice. down_read is a non-recursive
 * reader: a down_write that queues between the two calls blocks the second
 * down_read while it waits for the first.
 *
 * Must report: LO002 obj_x.sem.
 */

struct rw_semaphore { long count; };

struct obj_x {
	struct rw_semaphore sem;
	int data;
};

static struct obj_x x1;

void thread_1(void)
{
	down_read(&x1.sem);
	down_read(&x1.sem); /* expect LO002: obj_x.sem */
	x1.data = x1.data;
	up_read(&x1.sem);
	up_read(&x1.sem);
}
