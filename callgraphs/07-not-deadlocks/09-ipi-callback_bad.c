/*
 * S7-09 (bad twin) list_lock taken with interrupts enabled as well.
 *
 * The _ok twin's do_drain runs from the cross-CPU call interrupt and takes
 * the slab node's list_lock there {IN-HARDIRQ-W}. cache_shrink_node takes
 * it in process context with interrupts enabled {HARDIRQ-ON-W}: the IPI can
 * arrive on that CPU while it holds the lock, and do_drain spins on it
 * forever. (6.1's slab takes list_lock with spin_lock_irq everywhere outside
 * interrupt context for this reason.) The timer's softirq use of the lock
 * conflicts with it too {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}: a second finding.
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

	spin_lock_irqsave(&ws_cache->node->list_lock, flags); /* expect LO003: kmem_cache_node.list_lock */
	free_block(ws_cache, 1);
	spin_unlock_irqrestore(&ws_cache->node->list_lock, flags);
}

/* process context, interrupts enabled */
void cache_shrink_node(struct kmem_cache *cachep)
{
	spin_lock(&cachep->node->list_lock); /* expect LO003: kmem_cache_node.list_lock */
	free_block(cachep, 4);
	spin_unlock(&cachep->node->list_lock);
}

void ws_init(void)
{
	timer_setup(&reclaim_timer, ws_reclaim_timer_fn, 0);
}
