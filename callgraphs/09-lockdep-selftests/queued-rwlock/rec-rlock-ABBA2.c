/*
 * Not a selftest verdict: locking-selftest.c: rlock_ABBA2, "mixed
 * read-lock/lock-read ABBA" with force_read_lock_recursive cleared, i.e. what
 * 6.1 lockdep reports for the same code in process context on a queued-rwlock
 * kernel (x86, arm64), lockorder's default. The recursive-read twin, with the
 * selftest's verdict SUCCESS, is ../rec-rlock-ABBA2.c.
 *
 * rwlock_t readers are non-recursive (r) here (this folder's lockorder.yaml:
 * rwlock_read: non-recursive).
 *
 * lockdep (queued rwlock, process context): FAILURE. rwlock_X -(SN)-> lock_Y
 * and lock_Y -(EN)-> rwlock_X: with a non-recursive thread_2 reader the circle
 * is strong, exactly as in rwsem_ABBA2.
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

/* lock_Y then rwlock_X (R) */
void thread_2(void)
{
	spin_lock(&lock_Y);
	read_lock(&rwlock_X); /* expect LO001: rwlock_X -> lock_Y */
	read_unlock(&rwlock_X);
	spin_unlock(&lock_Y);
}
