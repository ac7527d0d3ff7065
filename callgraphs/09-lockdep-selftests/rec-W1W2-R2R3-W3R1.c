/*
 * locking-selftest.c: W1W2_R2R3_W3R1, "rlock W1W2/R2R3/W3R1" (write-write /
 * read-read / write-read deadlock even if read is recursive); the six
 * permutations _123 .. _321 of DO_TESTCASE_6x1RR(B), which only reorder the
 * three threads, are one case here: a static analysis sees no order.
 *
 * rwlock_t readers are recursive (R) here, as the selftest forces with
 * force_read_lock_recursive (this folder's lockorder.yaml: rwlock_read:
 * recursive).
 *
 * thread_1: write_lock(rwlock_X) (W), then write_lock(rwlock_Y) (W); thread_2:
 * read_lock(rwlock_Y) (R), then read_lock(rwlock_Z) (R); thread_3:
 * write_lock(rwlock_Z) (W), then read_lock(rwlock_X) (R).
 *
 * lockdep: FAILURE. rwlock_X -(EN)-> rwlock_Y -(SR)-> rwlock_Z -(ER)->
 * rwlock_X. rwlock_Y is entered by N and left by S (allowed); rwlock_Z and
 * rwlock_X are entered by R but left by E (allowed): strong. thread_1
 * write-holds rwlock_X and waits for rwlock_Y's reader, thread_2 read-holds
 * rwlock_Y and waits for rwlock_Z's writer, thread_3 write-holds rwlock_Z and
 * waits for rwlock_X's writer.
 *
 * Must report: LO001 rwlock_X -> rwlock_Y -> rwlock_Z.
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

/* rwlock_Z (W) then rwlock_X (R) */
void thread_3(void)
{
	write_lock(&rwlock_Z);
	read_lock(&rwlock_X); /* expect LO001: rwlock_X -> rwlock_Y -> rwlock_Z */
	read_unlock(&rwlock_X);
	write_unlock(&rwlock_Z);
}
