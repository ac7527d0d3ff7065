/*
 * locking-selftest.c: hardirq_deadlock_softirq_not_deadlock, printed as
 * "hardirq_unsafe_softirq_safe" (LOCKTYPE_SPECIAL); one run.
 *
 * The selftest runs seven blocks in one task; each block is a function here
 * (the interrupt blocks are a hardirq handler and a timer callback):
 *
 *   mutex_A_then_lock_C   mutex_A (hardirqs and softirqs on), then lock_C with
 *                         hardirqs off: mutex_A -> lock_C
 *   test_irq_handler      lock_A in hardirq context: lock_A is hardirq-safe
 *   lock_A_then_lock_B    hardirqs off: lock_A -> lock_B
 *   lock_B_then_lock_C    hardirqs off: lock_B -> lock_C
 *   test_timer_fn         lock_D in softirq context: lock_D is softirq-safe
 *   lock_D_bh             lock_D with softirqs off, hardirqs on: lock_D is
 *                         hardirq-unsafe
 *   lock_C_then_lock_D    hardirqs off: lock_C -> lock_D
 *
 * lockdep: FAILURE, "possible irq lock inversion dependency" for hardirq:
 * lock_A {IN-HARDIRQ-W} -> lock_B -> lock_C -> lock_D {HARDIRQ-ON-W}. CPU0
 * holds lock_D with hardirqs on (lock_D_bh disables only softirqs); CPU1
 * holds lock_A and waits down the chain for lock_D; the hardirq on CPU0
 * spins on lock_A. The softirq side is no deadlock: mutex_A -> lock_C ->
 * lock_D runs from a softirq-unsafe lock to a softirq-safe one, the allowed
 * direction (and lock_D is only taken with softirqs off outside the
 * softirq). The test checks that lockdep tells the two levels apart.
 *
 * lockorder reports the hardirq inversion as LO003 lock_A -> lock_B ->
 * lock_C -> lock_D, at lock_D_bh's acquisition, and nothing for softirqs.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;

struct timer_list { unsigned long expires; };

static struct timer_list test_timer;

static DEFINE_MUTEX(mutex_A);
static DEFINE_SPINLOCK(lock_A);
static DEFINE_SPINLOCK(lock_B);
static DEFINE_SPINLOCK(lock_C);
static DEFINE_SPINLOCK(lock_D);

/* mutex_A is hardirq-unsafe and softirq-unsafe; mutex_A -> lock_C */
void mutex_A_then_lock_C(void)
{
	mutex_lock(&mutex_A);
	local_irq_disable();
	spin_lock(&lock_C);
	spin_unlock(&lock_C);
	local_irq_enable();
	mutex_unlock(&mutex_A);
}

/* hardirq context: lock_A is hardirq-safe */
irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	spin_lock(&lock_A);
	spin_unlock(&lock_A);
	return IRQ_HANDLED;
}

/* lock_A -> lock_B */
void lock_A_then_lock_B(void)
{
	local_irq_disable();
	spin_lock(&lock_A);
	spin_lock(&lock_B);
	spin_unlock(&lock_B);
	spin_unlock(&lock_A);
	local_irq_enable();
}

/* lock_B -> lock_C */
void lock_B_then_lock_C(void)
{
	local_irq_disable();
	spin_lock(&lock_B);
	spin_lock(&lock_C);
	spin_unlock(&lock_C);
	spin_unlock(&lock_B);
	local_irq_enable();
}

/* softirq context: lock_D is softirq-safe */
void test_timer_fn(struct timer_list *t)
{
	spin_lock(&lock_D);
	spin_unlock(&lock_D);
}

/* lock_D with softirqs off but hardirqs on: lock_D is hardirq-unsafe */
void lock_D_bh(void)
{
	local_bh_disable();
	spin_lock(&lock_D); /* expect LO003: lock_A -> lock_B -> lock_C -> lock_D */
	spin_unlock(&lock_D);
	local_bh_enable();
}

/* lock_C -> lock_D: hardirq-safe lock_A now reaches hardirq-unsafe lock_D */
void lock_C_then_lock_D(void)
{
	local_irq_disable();
	spin_lock(&lock_C);
	spin_lock(&lock_D);
	spin_unlock(&lock_D);
	spin_unlock(&lock_C);
	local_irq_enable();
}

/* registers the handler and the timer callback */
int test_probe(void)
{
	timer_setup(&test_timer, test_timer_fn, 0);
	return request_irq(1, test_irq_handler, 0, "selftest", NULL);
}
