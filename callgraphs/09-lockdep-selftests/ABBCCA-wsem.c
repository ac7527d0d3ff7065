/*
 * locking-selftest.c: ABBCCA(wsem) -- "A-B-B-C-C-A deadlock", the wsem column
 * of DO_TESTCASE_6R(ABBCCA).
 *
 * Lock: struct rw_semaphore, down_write: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: rwsem_A -(EN)-> rwsem_B, rwsem_B -(EN)-> rwsem_C, rwsem_C
 * -(EN)-> rwsem_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on rwsem_A
 * -> rwsem_B -> rwsem_C -> rwsem_A: every edge is exclusive to non-recursive,
 * so every circle is strong: each thread can hold its first lock while waiting
 * for the next thread's.
 *
 * Must report: LO001 rwsem_A -> rwsem_B -> rwsem_C, at the acquisition that
 * closes the circle.
 */

static DECLARE_RWSEM(rwsem_A);
static DECLARE_RWSEM(rwsem_B);
static DECLARE_RWSEM(rwsem_C);

/* rwsem_A then rwsem_B */
void thread_1(void)
{
	down_write(&rwsem_A);
	down_write(&rwsem_B);
	up_write(&rwsem_B);
	up_write(&rwsem_A);
}

/* rwsem_B then rwsem_C */
void thread_2(void)
{
	down_write(&rwsem_B);
	down_write(&rwsem_C);
	up_write(&rwsem_C);
	up_write(&rwsem_B);
}

/* rwsem_C then rwsem_A */
void thread_3(void)
{
	down_write(&rwsem_C);
	down_write(&rwsem_A); /* expect LO001: rwsem_A -> rwsem_B -> rwsem_C */
	up_write(&rwsem_A);
	up_write(&rwsem_C);
}
