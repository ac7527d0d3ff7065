/*
 * S7-10 (bad twin) the same callback called with interrupts enabled.
 *
 * io_cancel takes ctx_lock with plain spin_lock, so poll_cancel takes the
 * wait queue's lock with softirqs enabled {SOFTIRQ-ON-W}, while the timer
 * takes it in softirq context {IN-SOFTIRQ-W}: the timer can fire on that CPU
 * while the lock is held and spin on it forever.
 */

typedef struct { int rlock; } spinlock_t;
struct timer_list { unsigned long expires; };
struct wait_queue_head { spinlock_t lock; int waiters; };
struct aio_kiocb { int (*ki_cancel)(struct aio_kiocb *req); struct wait_queue_head *head; };
struct kioctx { spinlock_t ctx_lock; };

static struct wait_queue_head *poll_wq;
static struct timer_list wake_timer;

/* softirq context: the timer wakes the waiters */
static void wake_timer_fn(struct timer_list *t)
{
	spin_lock(&poll_wq->lock);
	poll_wq->waiters = 0;
	spin_unlock(&poll_wq->lock);
}

/* called through ->ki_cancel only, with ctx_lock held and interrupts off */
static int poll_cancel(struct aio_kiocb *req)
{
	spin_lock(&req->head->lock); /* expect LO003: wait_queue_head.lock */
	req->head->waiters--;
	spin_unlock(&req->head->lock);
	return 0;
}

void poll_arm(struct aio_kiocb *req)
{
	req->ki_cancel = poll_cancel;
}

int io_cancel(struct kioctx *ctx, struct aio_kiocb *req)
{
	int ret;

	spin_lock(&ctx->ctx_lock);
	ret = req->ki_cancel(req);
	spin_unlock(&ctx->ctx_lock);
	return ret;
}

void wake_init(void)
{
	timer_setup(&wake_timer, wake_timer_fn, 0);
}
