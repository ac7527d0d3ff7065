/*
 * locking-selftest.c: ABBCCDDA(rsem) -- "A-B-B-C-C-D-D-A deadlock", the rsem
 * column of DO_TESTCASE_6R(ABBCCDDA).
 *
 * Lock: struct rw_semaphore, down_read: a non-recursive reader (r).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwsem_A -(SN)-> rwsem_B, rwsem_B -(SN)-> rwsem_C, rwsem_C
 * -(SN)-> rwsem_D, rwsem_D -(SN)-> rwsem_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on rwsem_A
 * -> rwsem_B -> rwsem_C -> rwsem_D -> rwsem_A: every edge is -(SN)->: a reader
 * held, a non-recursive reader waited for. Readers do not block each other,
 * but a writer queued on each rwsem blocks the new down_read calls while it
 * waits for the held ones, so the read-read circle is strong.
 *
 * Must report: LO001 rwsem_A -> rwsem_B -> rwsem_C -> rwsem_D, at the
 * acquisition that closes the circle.
 */

static DECLARE_RWSEM(rwsem_A);
static DECLARE_RWSEM(rwsem_B);
static DECLARE_RWSEM(rwsem_C);
static DECLARE_RWSEM(rwsem_D);

/* rwsem_A then rwsem_B */
void thread_1(void)
{
	down_read(&rwsem_A);
	down_read(&rwsem_B);
	up_read(&rwsem_B);
	up_read(&rwsem_A);
}

/* rwsem_B then rwsem_C */
void thread_2(void)
{
	down_read(&rwsem_B);
	down_read(&rwsem_C);
	up_read(&rwsem_C);
	up_read(&rwsem_B);
}

/* rwsem_C then rwsem_D */
void thread_3(void)
{
	down_read(&rwsem_C);
	down_read(&rwsem_D);
	up_read(&rwsem_D);
	up_read(&rwsem_C);
}

/* rwsem_D then rwsem_A */
void thread_4(void)
{
	down_read(&rwsem_D);
	down_read(&rwsem_A); /* expect LO001: rwsem_A -> rwsem_B -> rwsem_C -> rwsem_D */
	up_read(&rwsem_A);
	up_read(&rwsem_D);
}
