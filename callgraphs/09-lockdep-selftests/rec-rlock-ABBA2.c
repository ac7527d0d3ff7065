/*
 * locking-selftest.c: rlock_ABBA2, "mixed read-lock/lock-read ABBA".
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * thread_1: read_lock(rwlock_X) (R), then lock_Y. thread_2: lock_Y, then
 * read_lock(rwlock_X) (R). The selftest uses the single locks X1 and Y1 of two
 * classes; here they are the globals rwlock_X and lock_Y.
 *
 * lockdep: SUCCESS. rwlock_X -(SN)-> lock_Y and lock_Y -(ER)-> rwlock_X:
 * rwlock_X is entered by a recursive read (R) and left while read-held (S),
 * which is exactly the pair lockdep's strong-path rule excludes. thread_2's
 * recursive read_lock does not wait for thread_1's reader, so there is no
 * deadlock.
 *
 * expect-none
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

/* lock_Y then rwlock_X (R) */
void thread_2(void)
{
	spin_lock(&lock_Y);
	read_lock(&rwlock_X);
	read_unlock(&rwlock_X);
	spin_unlock(&lock_Y);
}
