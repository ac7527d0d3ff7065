/*
 * Lock wrappers written as macros: a wait that drops the lock.
 *
 * include/linux/wait.h's wait_event_lock_irq_cmd(wq, cond, lock, cmd) is
 * called with `lock` held and sleeps until `cond`: each time round it runs
 * spin_unlock_irq(&lock); cmd; schedule(); spin_lock_irq(&lock), through
 * the helper macro ___wait_event.  md/raid1's wait_barrier-style code
 * passes a cmd that flushes pending writes under another lock.
 *
 * Read as an unknown call, cmd would be evaluated with resync_lock held
 * and give resync_lock -> device_lock, the reverse of
 * flush_pending_writes_ish's order below: a false cycle.  Expanded from its
 * #define, cmd runs with resync_lock dropped, and there is no cycle.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct wait_queue_head { spinlock_t lock; };

struct r1conf {
	spinlock_t resync_lock;
	spinlock_t device_lock;
	struct wait_queue_head wait_barrier;
	int barrier;
	int pending;
};

void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void schedule(void);
long prepare_to_wait_event(struct wait_queue_head *wq, void *entry, int state);
void finish_wait(struct wait_queue_head *wq, void *entry);

#define ___wait_event_ish(wq, condition, cmd)				\
do {									\
	int __entry;							\
	for (;;) {							\
		prepare_to_wait_event(&wq, &__entry, 2);		\
		if (condition)						\
			break;						\
		cmd;							\
	}								\
	finish_wait(&wq, &__entry);					\
} while (0)

#define wait_event_lock_irq_cmd(wq_head, condition, lock, cmd)		\
	___wait_event_ish(wq_head, condition,				\
			  spin_unlock_irq(&lock);			\
			  cmd;						\
			  schedule();					\
			  spin_lock_irq(&lock))

static void flush_pending_writes_ish(struct r1conf *conf)
{
	spin_lock_irq(&conf->device_lock);
	conf->pending = 0;
	spin_unlock_irq(&conf->device_lock);
}

void wait_barrier_ish(struct r1conf *conf)
{
	spin_lock_irq(&conf->resync_lock);
	wait_event_lock_irq_cmd(conf->wait_barrier, !conf->barrier,
				conf->resync_lock,
				flush_pending_writes_ish(conf));
	conf->barrier++;
	spin_unlock_irq(&conf->resync_lock);
}

void raise_barrier_ish(struct r1conf *conf)
{
	spin_lock_irq(&conf->device_lock);
	spin_lock_irq(&conf->resync_lock);
	conf->barrier--;
	spin_unlock_irq(&conf->resync_lock);
	spin_unlock_irq(&conf->device_lock);
}
