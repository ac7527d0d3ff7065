/*
 * locking-selftest.c: W1W2_R2R3_R3W1, "rlock W1W2/R2R3/R3W1"; the six
 * permutations _123 .. _321 of DO_TESTCASE_6x1RR(B), which only reorder the
 * three threads, are one case here: a static analysis sees no order.
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * Body: W1R2 / R2R3 / W3W1: in 6.1 the selftest functions W1W2_R2R3_R3W1 and
 * W1R2_R2R3_W3W1 carry each other's names (the comments above them describe
 * the bodies correctly). This file translates the body of the function named
 * W1W2_R2R3_R3W1, i.e. the "write-read / read-read / write-write is not
 * deadlock when read is recursive" case.
 *
 * thread_1: write_lock(rwlock_X) (W), then read_lock(rwlock_Y) (R); thread_2:
 * read_lock(rwlock_Y) (R), then read_lock(rwlock_Z) (R); thread_3:
 * write_lock(rwlock_Z) (W), then write_lock(rwlock_X) (W).
 *
 * lockdep: SUCCESS. rwlock_X -(ER)-> rwlock_Y -(SR)-> rwlock_Z -(EN)->
 * rwlock_X. rwlock_Y is entered by a recursive reader (from rwlock_X) and left
 * while read-held (to rwlock_Z): the R-then-S pair that no strong circle may
 * contain. thread_2 only read-holds rwlock_Y, and thread_1's recursive
 * read_lock of rwlock_Y does not wait for it. No deadlock.
 *
 * expect-none
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

/* rwlock_Y (R) then rwlock_Z (R) */
void thread_2(void)
{
	read_lock(&rwlock_Y);
	read_lock(&rwlock_Z);
	read_unlock(&rwlock_Z);
	read_unlock(&rwlock_Y);
}

/* rwlock_Z (W) then rwlock_X (W) */
void thread_3(void)
{
	write_lock(&rwlock_Z);
	write_lock(&rwlock_X);
	write_unlock(&rwlock_X);
	write_unlock(&rwlock_Z);
}
