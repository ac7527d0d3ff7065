/*
 * The twin of 07-pointer-trylock_ok.c: free_page_ish now refills the zone's
 * batch size while it still holds the per-CPU lock it got from
 * pcp_spin_trylock, and the refill takes pcp_batch_high_lock, which
 * drain_zone_ish holds around the per-CPU lock.  The lock is held on the
 * non-NULL path only, and that is the path that takes the mutex.
 *
 * Must report:
 *   LO001 pcp_batch_high_lock -> per_cpu_pages.lock (a sleeping mutex under a
 *         spinlock, and an AB-BA with drain_zone_ish).
 */

struct spinlock { int raw; };
struct mutex { long owner; };
struct per_cpu_pages { struct spinlock lock; int count; };
struct zone { struct spinlock lock; struct per_cpu_pages *per_cpu_pageset; long free; };
struct page { unsigned long flags; struct zone *zone; };

/* As in mm/page_alloc.c (the profile's entries take precedence over the bodies). */
#define pcp_spin_trylock(ptr)					\
({								\
	struct per_cpu_pages *_ret = (ptr);			\
	if (!spin_trylock(&_ret->lock))				\
		_ret = NULL;					\
	_ret;							\
})
#define pcp_spin_lock(ptr)	spin_lock(&(ptr)->lock)
#define pcp_spin_unlock(ptr)	spin_unlock(&(ptr)->lock)

static struct mutex pcp_batch_high_lock;

static void refill_batch_ish(struct zone *zone)
{
	mutex_lock(&pcp_batch_high_lock); /* expect LO001: pcp_batch_high_lock -> per_cpu_pages.lock */
	zone->free = 0;
	mutex_unlock(&pcp_batch_high_lock);
}

static void free_page_ish(struct page *page)
{
	struct zone *zone = page->zone;
	struct per_cpu_pages *pcp;

	pcp = pcp_spin_trylock(zone->per_cpu_pageset);
	if (pcp) {
		pcp->count++;
		refill_batch_ish(zone);
		pcp_spin_unlock(pcp);
	} else {
		spin_lock(&zone->lock);
		zone->free++;
		spin_unlock(&zone->lock);
	}
}

void free_then_resize_ish(struct page *page)
{
	free_page_ish(page);
	mutex_lock(&pcp_batch_high_lock);
	page->zone->free = 0;
	mutex_unlock(&pcp_batch_high_lock);
}

void drain_zone_ish(struct zone *zone)
{
	mutex_lock(&pcp_batch_high_lock);
	pcp_spin_lock(zone->per_cpu_pageset);
	zone->per_cpu_pageset->count = 0;
	pcp_spin_unlock(zone->per_cpu_pageset);
	mutex_unlock(&pcp_batch_high_lock);
}
