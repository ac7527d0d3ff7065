/*
 * locking-selftest.c: ABCABC(mutex) -- "A-B-C-A-B-C deadlock", the mutex
 * column of DO_TESTCASE_6R(ABCABC).
 *
 * Lock: struct mutex, mutex_lock: an exclusive locker (W).
 *
 * The selftest runs the lock pairs one after another in one task; lockdep
 * records each pair as a dependency. Here each pair is a thread of its own
 * (thread_N takes its first lock, then its second), which gives the same
 * dependency graph: mutex_A -(EN)-> mutex_B, mutex_C -(EN)-> mutex_A, mutex_B
 * -(EN)-> mutex_C.
 *
 * lockdep: FAILURE, "possible circular locking dependency detected" on mutex_A
 * -> mutex_B -> mutex_C -> mutex_A: every edge is exclusive to non-recursive,
 * so every circle is strong: each thread can hold its first lock while waiting
 * for the next thread's.
 *
 * Must report: LO001 mutex_A -> mutex_B -> mutex_C, at the acquisition that
 * closes the circle.
 */

static DEFINE_MUTEX(mutex_A);
static DEFINE_MUTEX(mutex_B);
static DEFINE_MUTEX(mutex_C);

/* mutex_A then mutex_B */
void thread_1(void)
{
	mutex_lock(&mutex_A);
	mutex_lock(&mutex_B);
	mutex_unlock(&mutex_B);
	mutex_unlock(&mutex_A);
}

/* mutex_C then mutex_A */
void thread_2(void)
{
	mutex_lock(&mutex_C);
	mutex_lock(&mutex_A);
	mutex_unlock(&mutex_A);
	mutex_unlock(&mutex_C);
}

/* mutex_B then mutex_C */
void thread_3(void)
{
	mutex_lock(&mutex_B);
	mutex_lock(&mutex_C); /* expect LO001: mutex_A -> mutex_B -> mutex_C */
	mutex_unlock(&mutex_C);
	mutex_unlock(&mutex_B);
}
