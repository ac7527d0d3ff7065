/*
 * The _ok twin's loop, but the final unlock is skipped for an odd batch:
 * "if (lruvec && !(pvec->nr & 1))". The relocked lruvec is not NULL there, so
 * only its NULL side drops the lock, and the other false side keeps it held:
 * it leaks to mlock_drain, which takes stats_lock under it, the reverse of
 * account_lru's order. A real cycle, which the relock rules must not hide.
 */

typedef struct { int rlock; } spinlock_t;

struct lruvec { spinlock_t lru_lock; unsigned long nr; };
struct page { struct lruvec *lruvec; unsigned long flags; struct page *head; };
struct pagevec { int nr; struct page *pages[15]; };

static spinlock_t stats_lock;
static unsigned long nr_mlocked;

static struct lruvec *folio_lruvec_relock_irq(struct page *page, struct lruvec *locked)
{
	if (locked) {
		if (page->lruvec == locked)
			return locked;
		spin_unlock_irq(&locked->lru_lock);
	}
	spin_lock_irq(&page->lruvec->lru_lock);
	return page->lruvec;
}

static void mlock_pagevec(struct pagevec *pvec)
{
	struct lruvec *lruvec = NULL;
	int i;

	for (i = 0; i < pvec->nr; i++) {
		struct page *page = pvec->pages[i];

		if (!(page->flags & 1))
			continue;
		if (page->flags & 2)
			lruvec = folio_lruvec_relock_irq(page->head, lruvec);
		else
			lruvec = folio_lruvec_relock_irq(page, lruvec);
		lruvec->nr++;
	}
	if (lruvec && !(pvec->nr & 1))
		spin_unlock_irq(&lruvec->lru_lock);
}

void mlock_drain(struct pagevec *pvec)
{
	mlock_pagevec(pvec);
	spin_lock(&stats_lock); /* expect LO001: lruvec.lru_lock -> stats_lock */
	nr_mlocked = 0;
	spin_unlock(&stats_lock);
}

void account_lru(struct lruvec *lruvec)
{
	spin_lock(&stats_lock);
	spin_lock_irq(&lruvec->lru_lock);
	nr_mlocked += lruvec->nr;
	spin_unlock_irq(&lruvec->lru_lock);
	spin_unlock(&stats_lock);
}
