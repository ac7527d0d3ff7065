/*
 * locking-selftest.c: rlock_ABBA1, "mixed read-lock/lock-write ABBA".
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * thread_1: read_lock(rwlock_X) (R), then lock_Y. thread_2: lock_Y, then
 * write_lock(rwlock_X) (W). The selftest uses the single locks X1 and Y1 of
 * two classes; here they are the globals rwlock_X and lock_Y.
 *
 * lockdep: FAILURE. rwlock_X -(SN)-> lock_Y (thread_1 holds a reader, the
 * spinlock is N) and lock_Y -(EN)-> rwlock_X (thread_2 holds the spinlock,
 * write_lock is N). No lock is entered by an R edge, so the circle is strong:
 * thread_1 read-holds X and spins on Y, thread_2 holds Y and waits for X's
 * reader to leave.
 *
 * Must report: LO001 rwlock_X -> lock_Y.
 */

static DEFINE_RWLOCK(rwlock_X);
static DEFINE_SPINLOCK(lock_Y);

/* rwlock_X (R) then lock_Y */
void thread_1(void)
{
	read_lock(&rwlock_X);
	spin_lock(&lock_Y);
	spin_unlock(&lock_Y);
	read_unlock(&rwlock_X);
}

/* lock_Y then rwlock_X (W) */
void thread_2(void)
{
	spin_lock(&lock_Y);
	write_lock(&rwlock_X); /* expect LO001: rwlock_X -> lock_Y */
	write_unlock(&rwlock_X);
	spin_unlock(&lock_Y);
}
