/*
 * S7-09 a function run on every CPU by on_each_cpu() is not process context.
 *
 * 6.1 mm/slab.c: drain_cpu_caches() runs do_drain() on each CPU with
 * on_each_cpu(do_drain, cachep, 1). On the other CPUs it runs from the
 * cross-CPU call interrupt, in hardirq context with interrupts off, and
 * takes the slab node's list_lock there. A timer that frees memory takes
 * the same lock in softirq context. Read as an entry point "not called in
 * the analyzed code", do_drain looked like process context with softirqs
 * enabled, and the two made a false "inconsistent lock state"
 * ({IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}). The _bad twin adds a process-context
 * path that takes list_lock with interrupts enabled.
 *
 * expect-none
 */

struct timer_list { unsigned long expires; };
typedef struct { int rlock; } spinlock_t;

struct kmem_cache_node { spinlock_t list_lock; int free_objects; };
struct kmem_cache { struct kmem_cache_node *node; };

static struct timer_list reclaim_timer;
static struct kmem_cache *ws_cache;

static void free_block(struct kmem_cache *cachep, int nr)
{
	cachep->node->free_objects += nr;
}

/* runs on every CPU, from the IPI */
static void do_drain(void *arg)
{
	struct kmem_cache *cachep = arg;

	spin_lock(&cachep->node->list_lock);
	free_block(cachep, 1);
	spin_unlock(&cachep->node->list_lock);
}

void drain_cpu_caches(struct kmem_cache *cachep)
{
	on_each_cpu(do_drain, cachep, 1);
}

/* softirq context: a timer callback frees an object */
static void ws_reclaim_timer_fn(struct timer_list *t)
{
	unsigned long flags;

	spin_lock_irqsave(&ws_cache->node->list_lock, flags);
	free_block(ws_cache, 1);
	spin_unlock_irqrestore(&ws_cache->node->list_lock, flags);
}

void ws_init(void)
{
	timer_setup(&reclaim_timer, ws_reclaim_timer_fn, 0);
}
