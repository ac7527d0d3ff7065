/*
 * locking-selftest.c: rwsem_ABBA2, "mixed read-lock/lock-read ABBA".
 *
 * thread_1: down_read(rwsem_X) (r), then mutex_Y. thread_2: mutex_Y, then
 * down_read(rwsem_X) (r). The selftest uses the single locks X1 and Y1 of two
 * classes; here they are the globals rwsem_X and mutex_Y.
 *
 * lockdep: FAILURE. rwsem_X -(SN)-> mutex_Y and mutex_Y -(EN)-> rwsem_X:
 * unlike the rwlock twin, down_read is a non-recursive reader, so the circle
 * is strong: with a writer queued on X, thread_2's down_read waits behind it,
 * the writer waits for thread_1's reader, and thread_1 waits for Y.
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

/* mutex_Y then rwsem_X (r) */
void thread_2(void)
{
	mutex_lock(&mutex_Y);
	down_read(&rwsem_X); /* expect LO001: rwsem_X -> mutex_Y */
	up_read(&rwsem_X);
	mutex_unlock(&mutex_Y);
}
