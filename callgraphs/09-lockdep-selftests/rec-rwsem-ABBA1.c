/*
 * locking-selftest.c: rwsem_ABBA1, "mixed read-lock/lock-write ABBA".
 *
 * thread_1: down_read(rwsem_X) (r), then mutex_Y. thread_2: mutex_Y, then
 * down_write(rwsem_X) (W). The selftest uses the single locks X1 and Y1 of two
 * classes; here they are the globals rwsem_X and mutex_Y.
 *
 * lockdep: FAILURE. rwsem_X -(SN)-> mutex_Y and mutex_Y -(EN)-> rwsem_X:
 * strong; thread_1 read-holds X and waits for Y, thread_2 holds Y and waits
 * for X's reader to leave.
 *
 * Must report: LO001 rwsem_X -> mutex_Y.
 */

static DECLARE_RWSEM(rwsem_X);
static DEFINE_MUTEX(mutex_Y);

/* rwsem_X (r) then mutex_Y */
void thread_1(void)
{
	down_read(&rwsem_X);
	mutex_lock(&mutex_Y);
	mutex_unlock(&mutex_Y);
	up_read(&rwsem_X);
}

/* mutex_Y then rwsem_X (W) */
void thread_2(void)
{
	mutex_lock(&mutex_Y);
	down_write(&rwsem_X); /* expect LO001: rwsem_X -> mutex_Y */
	up_write(&rwsem_X);
	mutex_unlock(&mutex_Y);
}
