/*
 * locking-selftest.c: ABBCCDDA(mutex) -- "A-B-B-C-C-D-D-A deadlock", the mutex
 * column of DO_TESTCASE_6R(ABBCCDDA).
 *
 * Lock: struct mutex, mutex_lock: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: mutex_A -(EN)-> mutex_B, mutex_B -(EN)-> mutex_C, mutex_C
 * -(EN)-> mutex_D, mutex_D -(EN)-> mutex_A.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on mutex_A
 * -> mutex_B -> mutex_C -> mutex_D -> mutex_A: every edge is exclusive to
 * non-recursive, so every circle is strong: each thread can hold its first
 * lock while waiting for the next thread's.
 *
 * Must report: LO001 mutex_A -> mutex_B -> mutex_C -> mutex_D, at the
 * acquisition that closes the circle.
 */

static DEFINE_MUTEX(mutex_A);
static DEFINE_MUTEX(mutex_B);
static DEFINE_MUTEX(mutex_C);
static DEFINE_MUTEX(mutex_D);

/* mutex_A then mutex_B */
void thread_1(void)
{
	mutex_lock(&mutex_A);
	mutex_lock(&mutex_B);
	mutex_unlock(&mutex_B);
	mutex_unlock(&mutex_A);
}

/* mutex_B then mutex_C */
void thread_2(void)
{
	mutex_lock(&mutex_B);
	mutex_lock(&mutex_C);
	mutex_unlock(&mutex_C);
	mutex_unlock(&mutex_B);
}

/* mutex_C then mutex_D */
void thread_3(void)
{
	mutex_lock(&mutex_C);
	mutex_lock(&mutex_D);
	mutex_unlock(&mutex_D);
	mutex_unlock(&mutex_C);
}

/* mutex_D then mutex_A */
void thread_4(void)
{
	mutex_lock(&mutex_D);
	mutex_lock(&mutex_A); /* expect LO001: mutex_A -> mutex_B -> mutex_C -> mutex_D */
	mutex_unlock(&mutex_A);
	mutex_unlock(&mutex_D);
}
