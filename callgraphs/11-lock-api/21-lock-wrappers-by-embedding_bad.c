/*
 * S11-21 (bad twin) eventfd's own wait queue, taken in a hardirq and with
 * interrupts enabled.
 *
 * As 21-lock-wrappers-by-embedding_ok.c, but the hardirq callback signals the
 * eventfd under slub's per-CPU lock, and a reader takes the same queue's lock
 * with plain spin_lock: an interrupt can arrive on that CPU while the reader
 * holds eventfd_ctx.wqh and spin on it forever. The classes per embedding
 * still tell the queues apart; this one queue is one class, in both places.
 * (kmem_cache_cpu.lock -> eventfd_ctx.wqh goes into a class the handler
 * takes: that class's inconsistent state is the finding, docs/rules/LO003.md.)
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
	eventfd_signal(threshold_event);
	local_unlock_irqrestore(&s->cpu_slab->lock, flags);
}

unsigned long eventfd_read_count(struct eventfd_ctx *ctx)
{
	unsigned long n;

	spin_lock(&ctx->wqh.lock); /* expect LO003: eventfd_ctx.wqh [confirmed] */
	n = ctx->count;
	spin_unlock(&ctx->wqh.lock);
	return n;
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
