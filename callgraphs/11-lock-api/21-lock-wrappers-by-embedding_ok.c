/*
 * S11-21 Locks inside lock wrappers, classed by what embeds the wrapper.
 *
 * 6.1: eventfd_signal takes its context's wait-queue lock with
 * spin_lock_irqsave (memcg's threshold events signal it, under mm/swap.c's
 * per-CPU local_lock, which a hardirq also takes in mm/slub.c), and
 * fuse_abort_conn takes a request's wait-queue lock with plain spin_lock.
 * lockdep gives each init_waitqueue_head and each static per-CPU local_lock
 * its own class, so eventfd's queue is not fuse's and slub's local lock is not
 * swap's. Classed by the wrapper type instead (wait_queue_head.lock,
 * local_lock_t.dep_map), the two wait queues and the two local locks would be
 * one lock each, and lockorder would report an irq-safe -> irq-unsafe chain.
 *
 * The lock model's lock_wrappers (wait_queue_head, local_lock_t) name them
 * eventfd_ctx.wqh, fuse_req.waitq, kmem_cache_cpu.lock and lru_rotate.lock:
 * by the member that embeds the wrapper, or the per-CPU global that is one.
 * A helper given the wrapper (local_lock_acquire, wake_all_locked) leaves the
 * name to its callers' arguments, read through this_cpu_ptr(). The twin,
 * 21-lock-wrappers-by-embedding_bad.c, takes eventfd's own queue in a
 * hardirq and with interrupts enabled.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef struct { int dep_map; } local_lock_t;
struct wait_queue_head { spinlock_t lock; int waiters; };
struct eventfd_ctx { struct wait_queue_head wqh; unsigned long count; };
struct fuse_req { struct wait_queue_head waitq; int state; };
struct kmem_cache_cpu { void *freelist; local_lock_t lock; };
struct kmem_cache { struct kmem_cache_cpu *cpu_slab; };
struct lru_rotate { local_lock_t lock; int nr; };

static inline void local_lock_acquire(local_lock_t *l)
{
	lock_map_acquire(&l->dep_map);
}

static inline void local_lock_release(local_lock_t *l)
{
	lock_map_release(&l->dep_map);
}

#define local_lock_irqsave(lock, flags)				\
	do {							\
		local_irq_save(flags);				\
		local_lock_acquire(this_cpu_ptr(lock));		\
	} while (0)

#define local_unlock_irqrestore(lock, flags)			\
	do {							\
		local_lock_release(this_cpu_ptr(lock));		\
		local_irq_restore(flags);			\
	} while (0)

static DEFINE_PER_CPU(struct lru_rotate, lru_rotate);
static struct kmem_cache *slab_cache;
static struct eventfd_ctx *threshold_event;

void eventfd_signal(struct eventfd_ctx *ctx)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->wqh.lock, flags);
	ctx->count++;
	spin_unlock_irqrestore(&ctx->wqh.lock, flags);
}

/* hardirq context: on_each_cpu() runs it on every CPU */
static void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;
	unsigned long flags;

	local_lock_irqsave(&s->cpu_slab->lock, flags);
	s->cpu_slab->freelist = 0;
	local_unlock_irqrestore(&s->cpu_slab->lock, flags);
}

void flush_all(void)
{
	on_each_cpu(flush_cpu_slab, slab_cache, 1);
}

void lru_rotate_drain(void)
{
	unsigned long flags;

	local_lock_irqsave(&lru_rotate.lock, flags);
	eventfd_signal(threshold_event);
	local_unlock_irqrestore(&lru_rotate.lock, flags);
}

/* given the queue: its callers' arguments name it */
static void wake_all_locked(struct wait_queue_head *wq)
{
	spin_lock(&wq->lock);
	wq->waiters = 0;
	spin_unlock(&wq->lock);
}

void fuse_abort_req(struct fuse_req *req)
{
	req->state = 0;
	wake_all_locked(&req->waitq);
}
