/*
 * Not a selftest verdict: locking-selftest.c: ABBA(rlock), "A-B-B-A deadlock"
 * with force_read_lock_recursive cleared, i.e. what 6.1 lockdep reports for
 * the same code in process context on a queued-rwlock kernel (x86, arm64),
 * lockorder's default. The recursive-read twin, with the selftest's verdict
 * SUCCESS, is the rlock column of DO_TESTCASE_6R(ABBA) in ../ABBA-rlock.c.
 *
 * rwlock_t readers are non-recursive (r) here (this folder's lockorder.yaml:
 * rwlock_read: non-recursive).
 *
 * lockdep (queued rwlock, process context): FAILURE. rwlock_A -(SN)-> rwlock_B
 * and rwlock_B -(SN)-> rwlock_A: as for rwsem readers (ABBA(rsem)), writers
 * queued on both locks make the read-read circle a deadlock.
 *
 * Must report: LO001 rwlock_A -> rwlock_B.
 */

static DEFINE_RWLOCK(rwlock_A);
static DEFINE_RWLOCK(rwlock_B);

/* rwlock_A then rwlock_B */
void thread_1(void)
{
	read_lock(&rwlock_A);
	read_lock(&rwlock_B);
	read_unlock(&rwlock_B);
	read_unlock(&rwlock_A);
}

/* rwlock_B then rwlock_A */
void thread_2(void)
{
	read_lock(&rwlock_B);
	read_lock(&rwlock_A); /* expect LO001: rwlock_A -> rwlock_B */
	read_unlock(&rwlock_A);
	read_unlock(&rwlock_B);
}
