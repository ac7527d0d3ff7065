/*
 * locking-selftest.c: rlock_chaincache_ABBA1, "chain cached mixed R-L/L-W
 * ABBA".
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * thread_1: read_lock(rwlock_X) (R), then lock_Y. thread_2: lock_Y, then
 * read_lock(rwlock_X) (R) -- harmless on its own, as in rlock_ABBA2. thread_3:
 * lock_Y, then write_lock(rwlock_X) (W). The selftest checks that lockdep's
 * chain cache, having seen the chain Y, X for the reader, does not skip the
 * check when the same chain comes back with a writer.
 *
 * lockdep: FAILURE. The edge lock_Y -> rwlock_X has two types, -(ER)->
 * (thread_2) and -(EN)-> (thread_3); with rwlock_X -(SN)-> lock_Y the -(EN)->
 * one closes a strong circle. Only thread_3 deadlocks against thread_1.
 *
 * Must report: LO001 rwlock_X -> lock_Y, witnessed by thread_3 (an analysis
 * that merged the two kinds of lock_Y -> rwlock_X edge into the recursive one
 * would miss it).
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

/* lock_Y then rwlock_X (W) */
void thread_3(void)
{
	spin_lock(&lock_Y);
	write_lock(&rwlock_X); /* expect LO001: rwlock_X -> lock_Y */
	write_unlock(&rwlock_X);
	spin_unlock(&lock_Y);
}
