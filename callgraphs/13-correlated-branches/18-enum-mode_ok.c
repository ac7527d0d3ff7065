/*
 * 6.1 mm/slub.c's deactivate_slab: a local enum names what the function will
 * do with the slab, and the list_lock is taken in the modes that need it and
 * dropped by testing the mode again (mode == M_PARTIAL || mode == M_FULL on
 * the retry path, mode == M_PARTIAL and mode == M_FULL at the end). Each
 * assignment of an enum constant decides those tests, so no path returns
 * holding list_lock, none retries holding it, and drop_slab's call orders
 * nothing before slab_reserve. The twin, 18-enum-mode_bad.c, forgets the
 * unlock in one mode.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct kmem_cache_node { spinlock_t list_lock; unsigned long nr_partial; };

static spinlock_t slab_reserve;

int swap_freelist(void);
void add_partial(struct kmem_cache_node *n);
void add_full(struct kmem_cache_node *n);
void discard_slab(void);

static void deactivate_slab(struct kmem_cache_node *n, int inuse, int freelist, int debug)
{
	enum slab_modes { M_NONE, M_PARTIAL, M_FULL, M_FREE, M_FULL_NOLIST };
	enum slab_modes mode = M_NONE;
	unsigned long flags;

redo:
	if (!inuse && n->nr_partial > 5) {
		mode = M_FREE;
	} else if (freelist) {
		mode = M_PARTIAL;
		spin_lock_irqsave(&n->list_lock, flags);
	} else if (debug) {
		mode = M_FULL;
		spin_lock_irqsave(&n->list_lock, flags);
	} else {
		mode = M_FULL_NOLIST;
	}

	if (!swap_freelist()) {
		if (mode == M_PARTIAL || mode == M_FULL)
			spin_unlock_irqrestore(&n->list_lock, flags);
		goto redo;
	}

	if (mode == M_PARTIAL) {
		add_partial(n);
		spin_unlock_irqrestore(&n->list_lock, flags);
	} else if (mode == M_FREE) {
		discard_slab();
	} else if (mode == M_FULL) {
		add_full(n);
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
}

void drop_slab(struct kmem_cache_node *n, int inuse, int freelist, int debug)
{
	deactivate_slab(n, inuse, freelist, debug);
	spin_lock(&slab_reserve);
	spin_unlock(&slab_reserve);
}

void refill_node(struct kmem_cache_node *n)
{
	spin_lock(&slab_reserve);
	spin_lock(&n->list_lock);
	spin_unlock(&n->list_lock);
	spin_unlock(&slab_reserve);
}
