/*
 * Lock-or-NULL pointers the lock model declares (linux profile): mm's per-CPU
 * page lists are locked through pcp_spin_trylock(ptr), a statement-expression
 * macro in mm/page_alloc.c that yields ptr with ptr->lock taken, or NULL; the
 * caller tests the pointer (page_ext_get/page_ext_put, the other lock-or-NULL
 * pair, is covered by LockOrNullApiTest).
 *
 * Read through the macro's body, free_page_ish would keep the per-CPU lock on
 * the path where the trylock failed and the pointer is NULL, and
 * free_then_resize_ish would order per_cpu_pages.lock before the batch mutex
 * that drain_zone_ish holds around the per-CPU lock: a false cycle.  Declared
 * as a trylock, the "if (pcp)" tells the two exits apart.
 *
 * Must report nothing.  expect-none
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

static void free_page_ish(struct page *page)
{
	struct zone *zone = page->zone;
	struct per_cpu_pages *pcp;

	pcp = pcp_spin_trylock(zone->per_cpu_pageset);
	if (pcp) {
		pcp->count++;
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
