/*
 * locking-selftest.c: ww_test_spin_nest_lock, "spinlock nest test" (listed
 * under the ww tests, but it uses plain spinlocks only).
 *
 * thread_1 holds lock_X, then takes two instances of one class, lock_Y[0]
 * and lock_Y[1], each with spin_lock_nest_lock(..., &lock_X), and between
 * them an unrelated lock_A.  The selftest's Y1 and Y2 share one key; here
 * they are two elements of one array, one class lock_Y.
 *
 * lockdep: SUCCESS (no report).  Taking a class that is already held is
 * allowed when the nest lock is held: every task that nests lock_Y
 * instances must hold lock_X first, so two of them cannot interleave.  And
 * a nest-lock acquisition of an already-held class adds no dependency, so
 * lockdep records lock_X -> lock_Y, lock_Y -> lock_A, lock_X -> lock_A, but
 * not lock_A -> lock_Y: there is no circle either.
 *
 * lockorder models nest_lock the same way (the primitive's `nest: arg1` in
 * the linux profile): with lock_X held, the second lock_Y is neither
 * recursive locking nor a new dependency.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;

static DEFINE_SPINLOCK(lock_X);
static DEFINE_SPINLOCK(lock_A);
static spinlock_t lock_Y[2];

void thread_1(void)
{
	spin_lock(&lock_X);
	spin_lock_nest_lock(&lock_Y[0], &lock_X);
	spin_lock(&lock_A);
	spin_lock_nest_lock(&lock_Y[1], &lock_X);
	spin_unlock(&lock_A);
	spin_unlock(&lock_Y[1]);
	spin_unlock(&lock_Y[0]);
	spin_unlock(&lock_X);
}
