/*
 * locking-selftest.c: ABCDBCDA(wsem) -- "A-B-C-D-B-C-D-A deadlock", the wsem
 * column of DO_TESTCASE_6R(ABCDBCDA).
 *
 * Lock: struct rw_semaphore, down_write: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwsem_A -(EN)-> rwsem_B, rwsem_C -(EN)-> rwsem_D, rwsem_B
 * -(EN)-> rwsem_C, rwsem_D -(EN)-> rwsem_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on rwsem_A
 * -> rwsem_B -> rwsem_C -> rwsem_D -> rwsem_A: every edge is exclusive to
 * non-recursive, so every circle is strong: each thread can hold its first
 * lock while waiting for the next thread's.
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
	down_write(&rwsem_A);
	down_write(&rwsem_B);
	up_write(&rwsem_B);
	up_write(&rwsem_A);
}

/* rwsem_C then rwsem_D */
void thread_2(void)
{
	down_write(&rwsem_C);
	down_write(&rwsem_D);
	up_write(&rwsem_D);
	up_write(&rwsem_C);
}

/* rwsem_B then rwsem_C */
void thread_3(void)
{
	down_write(&rwsem_B);
	down_write(&rwsem_C);
	up_write(&rwsem_C);
	up_write(&rwsem_B);
}

/* rwsem_D then rwsem_A */
void thread_4(void)
{
	down_write(&rwsem_D);
	down_write(&rwsem_A); /* expect LO001: rwsem_A -> rwsem_B -> rwsem_C -> rwsem_D */
	up_write(&rwsem_A);
	up_write(&rwsem_D);
}
