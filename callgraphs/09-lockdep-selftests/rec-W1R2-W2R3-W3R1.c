/*
 * locking-selftest.c: W1R2_W2R3_W3R1, "rlock W1R2/W2R3/W3R1" (write-read /
 * write-read / write-read deadlock even if read is recursive); the six
 * permutations _123 .. _321 of DO_TESTCASE_6x1RR(B), which only reorder the
 * three threads, are one case here: a static analysis sees no order.
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * thread_1: write_lock(rwlock_X) (W), then read_lock(rwlock_Y) (R); thread_2:
 * write_lock(rwlock_Y) (W), then read_lock(rwlock_Z) (R); thread_3:
 * write_lock(rwlock_Z) (W), then read_lock(rwlock_X) (R).
 *
 * lockdep: FAILURE. rwlock_X -(ER)-> rwlock_Y -(ER)-> rwlock_Z -(ER)->
 * rwlock_X. Each lock is entered by a recursive reader but left by a writer
 * (E), never by a reader, so the circle is strong: every read_lock waits for
 * the write holder of its lock.
 *
 * Must report: LO001 rwlock_X -> rwlock_Y -> rwlock_Z.
 */

static DEFINE_RWLOCK(rwlock_X);
static DEFINE_RWLOCK(rwlock_Y);
static DEFINE_RWLOCK(rwlock_Z);

/* rwlock_X (W) then rwlock_Y (R) */
void thread_1(void)
{
	write_lock(&rwlock_X);
	read_lock(&rwlock_Y);
	read_unlock(&rwlock_Y);
	write_unlock(&rwlock_X);
}

/* rwlock_Y (W) then rwlock_Z (R) */
void thread_2(void)
{
	write_lock(&rwlock_Y);
	read_lock(&rwlock_Z);
	read_unlock(&rwlock_Z);
	write_unlock(&rwlock_Y);
}

/* rwlock_Z (W) then rwlock_X (R) */
void thread_3(void)
{
	write_lock(&rwlock_Z);
	read_lock(&rwlock_X); /* expect LO001: rwlock_X -> rwlock_Y -> rwlock_Z */
	read_unlock(&rwlock_X);
	write_unlock(&rwlock_Z);
}
