/*
 * S6-05 bad: the _ok twin, plus a cache refill that allocates with
 * GFP_KERNEL while holding cache_mutex, the lock node_reclaim's shrinking
 * takes. The refill's direct reclaim can shrink the cache it holds locked:
 * lockdep's "fs_reclaim -> cache_mutex" against "cache_mutex -> fs_reclaim".
 * node_reclaim runs from <fs reclaim> (reclaim.entries), so the cycle is
 * still found, while the GFP_ATOMIC allocation under stats_lock still adds
 * nothing.
 */

typedef unsigned int gfp_t;
typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };
struct page { unsigned long flags; };
struct zone { spinlock_t lock; unsigned long free; };

static spinlock_t stats_lock;
static struct mutex cache_mutex;
static unsigned long events, cached;
static struct zone zone0;

/* mm/vmscan.c */
static void shrink_object_cache(void)
{
	mutex_lock(&cache_mutex);
	cached = 0;
	mutex_unlock(&cache_mutex);
}

int node_reclaim(struct zone *zone, gfp_t gfp_mask, unsigned int order)
{
	if (!(gfp_mask & __GFP_DIRECT_RECLAIM))
		return 0;
	shrink_object_cache();
	return 1;
}

/* mm/page_alloc.c */
static struct page *get_page_from_freelist(gfp_t gfp_mask, unsigned int order)
{
	if (!zone0.free && node_reclaim(&zone0, gfp_mask, order) == 0)
		return 0;
	zone0.free--;
	return (struct page *)&zone0;
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return get_page_from_freelist(gfp_mask, order);
}

/* a driver */
void account_event(void)
{
	struct page *p;

	spin_lock(&stats_lock);
	p = alloc_pages(GFP_ATOMIC, 0);
	if (p)
		events++;
	spin_unlock(&stats_lock);
}

void cache_report(void)
{
	mutex_lock(&cache_mutex);
	spin_lock(&stats_lock);
	events += cached;
	spin_unlock(&stats_lock);
	mutex_unlock(&cache_mutex);
}

void cache_refill(void)
{
	void *obj;

	mutex_lock(&cache_mutex);
	obj = kmalloc(64, GFP_KERNEL); /* expect LO001: cache_mutex -> fs_reclaim */
	if (obj)
		cached++;
	mutex_unlock(&cache_mutex);
}
