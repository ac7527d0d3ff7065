/*
 * locking-selftest.c: W1R2_R2R3_W3W1, "rlock W1R2/R2R3/W3W1"; the six
 * permutations _123 .. _321 of DO_TESTCASE_6x1RR(B), which only reorder the
 * three threads, are one case here: a static analysis sees no order.
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * Body: W1W2 / R2R3 / R3W1: in 6.1 the selftest functions W1R2_R2R3_W3W1 and
 * W1W2_R2R3_R3W1 carry each other's names (the comments above them describe
 * the bodies correctly). This file translates the body of the function named
 * W1R2_R2R3_W3W1, i.e. the "write-write / read-read / read-write is not
 * deadlock when read is recursive" case.
 *
 * thread_1: write_lock(rwlock_X) (W), then write_lock(rwlock_Y) (W); thread_2:
 * read_lock(rwlock_Y) (R), then read_lock(rwlock_Z) (R); thread_3:
 * read_lock(rwlock_Z) (R), then write_lock(rwlock_X) (W).
 *
 * lockdep: SUCCESS. rwlock_X -(EN)-> rwlock_Y -(SR)-> rwlock_Z -(SN)->
 * rwlock_X. rwlock_Z is entered by a recursive reader (from rwlock_Y) and left
 * while read-held (to rwlock_X): not strong. thread_2 read-holds rwlock_Y and
 * its recursive read_lock of rwlock_Z does not wait for thread_3's reader. No
 * deadlock.
 *
 * expect-none
 */

static DEFINE_RWLOCK(rwlock_X);
static DEFINE_RWLOCK(rwlock_Y);
static DEFINE_RWLOCK(rwlock_Z);

/* rwlock_X (W) then rwlock_Y (W) */
void thread_1(void)
{
	write_lock(&rwlock_X);
	write_lock(&rwlock_Y);
	write_unlock(&rwlock_Y);
	write_unlock(&rwlock_X);
}

/* rwlock_Y (R) then rwlock_Z (R) */
void thread_2(void)
{
	read_lock(&rwlock_Y);
	read_lock(&rwlock_Z);
	read_unlock(&rwlock_Z);
	read_unlock(&rwlock_Y);
}

/* rwlock_Z (R) then rwlock_X (W) */
void thread_3(void)
{
	read_lock(&rwlock_Z);
	write_lock(&rwlock_X);
	write_unlock(&rwlock_X);
	read_unlock(&rwlock_Z);
}
