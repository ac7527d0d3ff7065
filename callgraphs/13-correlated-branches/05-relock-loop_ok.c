/*
 * A lock pointer carried through a loop by relocks, dropped after it under a
 * test of the pointer (6.1 mm/swap.c, release_pages):
 *
 *	struct lruvec *lruvec = NULL;
 *	for (i = 0; i < nr; i++) {
 *		...
 *		lruvec = folio_lruvec_relock_irqsave(folio, lruvec, &flags);
 *		...
 *	}
 *
 * (here with two relock calls in the loop, as mm/mlock.c's mlock_pagevec has
 * three, so that the last assignment in source order is not the one that
 * took the lock)
 *	if (lruvec)
 *		unlock_page_lruvec_irqrestore(lruvec, flags);
 *
 * The relock is given the lruvec whose lock is held (or NULL) and returns the
 * one whose lock is held now, dropping the old one when it differs. The
 * variable is assigned again only that way, so whatever was locked through
 * it since its initializer is what it points to: where it is NULL, nothing
 * taken through it is held (ADR-006). And the relock takes its lock without
 * dropping one first only on its path that found the old pointer NULL, so a
 * caller passing a locked pointer does not take the lock twice there.
 * Without these, the loop "kept" lru_lock past the unlock (the caller then
 * took stats_lock under it, the reverse of account_lru's order: a false
 * cycle) and "took it twice" in the second pass (a false LO002).
 *
 * expect-none
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
	if (lruvec)
		spin_unlock_irq(&lruvec->lru_lock);
}

void mlock_drain(struct pagevec *pvec)
{
	mlock_pagevec(pvec);
	spin_lock(&stats_lock);
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
