/*
 * S6-05 ok: a GFP_ATOMIC allocation under a spinlock, in a tree that also
 * contains the page allocator (Linux mm/ analyzed with fs/).
 *
 * alloc_pages(GFP_ATOMIC, 0) cannot reclaim, so its body is analyzed like any
 * call: __alloc_pages -> get_page_from_freelist, which calls node_reclaim
 * only when the gfp flags allow blocking (6.1 mm/page_alloc.c and
 * mm/vmscan.c). node_reclaim shrinks the object cache under cache_mutex.
 * Followed from the allocator without reading the flags, that put
 * cache_mutex under stats_lock (stats_lock -> cache_mutex), the reverse of
 * cache_report's order: a false cycle.
 *
 * The lock model names node_reclaim as one of the allocator's reclaim
 * entries (reclaim.entries): it runs from <fs reclaim>, under fs_reclaim,
 * as the kernel runs it between fs_reclaim_acquire and fs_reclaim_release.
 * No allocation here may enter reclaim, so nothing orders before fs_reclaim.
 *
 * expect-none
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
