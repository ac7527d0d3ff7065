/*
 * S7-10 A callback stored at run time and called only with interrupts off.
 *
 * 6.1 fs/aio.c: aio_poll arms a request with aiocb->ki_cancel =
 * aio_poll_cancel, and io_cancel calls ->ki_cancel under
 * spin_lock_irq(&ctx->ctx_lock). aio_poll_cancel takes the wait queue's lock
 * with plain spin_lock ("assumes we are called with irqs disabled"), which a
 * timer also takes from softirq context. The callback is a thread entry (its
 * address is stored), but it runs only where the code calls it, with
 * interrupts disabled: no {SOFTIRQ-ON-W} use, no finding. The twin,
 * 10-cancel-callback-under-irq-lock_bad.c, calls it under plain spin_lock.
 *
 * expect-none
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
	spin_lock(&req->head->lock);
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

	spin_lock_irq(&ctx->ctx_lock);
	ret = req->ki_cancel(req);
	spin_unlock_irq(&ctx->ctx_lock);
	return ret;
}

void wake_init(void)
{
	timer_setup(&wake_timer, wake_timer_fn, 0);
}
