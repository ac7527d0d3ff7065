/*
 * S11-22 One wait queue reached through its embedding and through a pointer
 * (a known gap of the lock wrappers, ADR-011).
 *
 * Shaped on 6.1 fs/aio.c's poll requests: the poll table callback stores
 * the polled file's wait queue in req->head (here an eventfd's ctx->wqh),
 * and cancelling under the aio context's ctx_lock takes req->head->lock.
 * A waker that holds the eventfd's queue and then takes ctx_lock closes a
 * cycle for lockdep, which keys the queue by its init_waitqueue_head site:
 * kioctx.ctx_lock -> eventfd's queue -> kioctx.ctx_lock.
 *
 * lockorder names the lock by the embedding where the code shows one
 * (eventfd_ctx.wqh) and by the wrapper type where it reaches the queue
 * through a pointer it does not follow (wait_queue_head.lock): two classes,
 * no cycle. Before ADR-011 both were wait_queue_head.lock, and every other
 * wait queue of the program with them.
 */

typedef struct { int rlock; } spinlock_t;
struct wait_queue_head { spinlock_t lock; int waiters; };
struct eventfd_ctx { struct wait_queue_head wqh; unsigned long count; };
struct kioctx { spinlock_t ctx_lock; int nr; };
struct poll_iocb { struct wait_queue_head *head; struct kioctx *ctx; };

/* the poll table callback: the request remembers the polled file's queue */
void aio_poll_queue_proc(struct poll_iocb *req, struct eventfd_ctx *ectx)
{
	req->head = &ectx->wqh;
}

int io_cancel(struct poll_iocb *req)
{
	struct kioctx *ctx = req->ctx;

	spin_lock_irq(&ctx->ctx_lock);
	spin_lock(&req->head->lock);
	req->head->waiters--;
	spin_unlock(&req->head->lock);
	spin_unlock_irq(&ctx->ctx_lock);
	return 0;
}

void eventfd_wake_aio(struct eventfd_ctx *ectx, struct kioctx *ctx)
{
	unsigned long flags;

	spin_lock_irqsave(&ectx->wqh.lock, flags);
	spin_lock(&ctx->ctx_lock); /* expect-gap LO001: kioctx.ctx_lock -> eventfd_ctx.wqh — needs req->head followed to where the poll table callback set it (ADR-011) */
	ctx->nr++;
	spin_unlock(&ctx->ctx_lock);
	spin_unlock_irqrestore(&ectx->wqh.lock, flags);
}
