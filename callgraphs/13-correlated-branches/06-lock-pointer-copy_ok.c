/*
 * A variable that remembers which lock is held, by copying the pointer the
 * lock was taken through (6.1 mm/compaction.c, isolate_migratepages_block):
 *
 *	lruvec = folio_lruvec(page_folio(page));
 *	if (lruvec != locked) {
 *		if (locked)
 *			unlock_page_lruvec_irqrestore(locked, flags);
 *		compact_lock_irqsave(&lruvec->lru_lock, &flags, cc);
 *		locked = lruvec;
 *	}
 *	...
 *	if (locked) {
 *		unlock_page_lruvec_irqrestore(locked, flags);
 *		locked = NULL;
 *	}
 *	putback_movable_pages(&cc->migratepages);
 *
 * locked is only ever NULL or a copy of lruvec, made after the lock was taken
 * through lruvec: where locked is NULL, that lock is not held (ADR-006).
 * Without this, the putback ran "under" lru_lock, which ordered lru_lock
 * before the page lock and before hugetlb_lock on Linux 6.1; here the page
 * lock, the reverse of add_to_lru's order: a false cycle.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };

struct lruvec { spinlock_t lru_lock; unsigned long nr; };
struct page { struct lruvec *lruvec; unsigned long flags; struct mutex lock; };

static void putback_page(struct page *page)
{
	mutex_lock(&page->lock);
	page->flags = 0;
	mutex_unlock(&page->lock);
}

void isolate_pages(struct page **pages, int n)
{
	struct lruvec *locked = NULL;
	struct lruvec *lruvec;
	int i;

	for (i = 0; i < n; i++) {
		lruvec = pages[i]->lruvec;
		if (lruvec != locked) {
			if (locked)
				spin_unlock_irq(&locked->lru_lock);
			spin_lock_irq(&lruvec->lru_lock);
			locked = lruvec;
		}
		lruvec->nr++;
		if (pages[i]->flags & 1) {
			if (locked) {
				spin_unlock_irq(&locked->lru_lock);
				locked = NULL;
			}
			putback_page(pages[i]);
		}
	}
	if (locked)
		spin_unlock_irq(&locked->lru_lock);
}

void add_to_lru(struct page *page)
{
	mutex_lock(&page->lock);
	spin_lock_irq(&page->lruvec->lru_lock);
	page->lruvec->nr++;
	spin_unlock_irq(&page->lruvec->lru_lock);
	mutex_unlock(&page->lock);
}
