/*
 * The _ok twin, but the putback path forgets the lock instead of dropping it:
 * "locked = NULL;" without the unlock. putback_page then really runs under
 * lru_lock, the reverse of add_to_lru's order: a real cycle. The copy rule
 * only speaks where a test finds the copy NULL; here the putback comes first.
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
			locked = NULL;
			putback_page(pages[i]); /* expect LO001: lruvec.lru_lock -> page.lock */
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
