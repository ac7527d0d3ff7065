/*
 * A bool that says whether a lock is held, set from the call that takes the
 * lock and handed by address to a helper that may drop the lock and clear it
 * (the shape of 6.1 mm/compaction.c: isolate_freepages_block with
 * compact_lock_irqsave and compact_unlock_should_abort).
 *
 * The helper clears the flag on the path that drops the lock and leaves it
 * alone on the path that does not, so the flag stays true exactly while the
 * lock is held, and the final "if (locked) unlock" always releases what the
 * loop took. Read path by path without the flag, one path takes the lock and
 * skips the final unlock: zone.lock "leaked" into the caller, which then took
 * compact_stats_lock under it, the reverse of account_free_pages' order.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef _Bool bool;

struct zone { spinlock_t lock; unsigned long nr_free; };
struct scan_control { struct zone *zone; int async; bool contended; };

static spinlock_t compact_stats_lock;
static unsigned long pages_isolated;

static bool take_zone_lock(spinlock_t *lock, unsigned long *flags, struct scan_control *sc)
{
	if (sc->async && !sc->contended) {
		if (spin_trylock_irqsave(lock, *flags))
			return true;
		sc->contended = true;
	}
	spin_lock_irqsave(lock, *flags);
	return true;
}

static bool drop_lock_if_contended(spinlock_t *lock, unsigned long flags, bool *locked,
				   struct scan_control *sc)
{
	if (*locked) {
		spin_unlock_irqrestore(lock, flags);
		*locked = false;
	}
	if (signal_pending(current)) {
		sc->contended = true;
		return true;
	}
	cond_resched();
	return false;
}

static unsigned long scan_free_block(struct scan_control *sc, unsigned long pfn, unsigned long end)
{
	unsigned long flags = 0, found = 0;
	bool locked = false;

	for (; pfn < end; pfn++) {
		if (!(pfn % 32) && drop_lock_if_contended(&sc->zone->lock, flags, &locked, sc))
			break;
		if (!pfn_is_free(pfn))
			continue;
		if (!locked) {
			locked = take_zone_lock(&sc->zone->lock, &flags, sc);
			if (!pfn_is_free(pfn))
				continue;
		}
		found++;
	}
	if (locked)
		spin_unlock_irqrestore(&sc->zone->lock, flags);
	return found;
}

void compact_zone_range(struct scan_control *sc, unsigned long start, unsigned long end)
{
	unsigned long found = scan_free_block(sc, start, end);

	spin_lock(&compact_stats_lock);
	pages_isolated += found;
	spin_unlock(&compact_stats_lock);
}

void account_free_pages(struct zone *zone)
{
	spin_lock(&compact_stats_lock);
	spin_lock(&zone->lock);
	pages_isolated += zone->nr_free;
	spin_unlock(&zone->lock);
	spin_unlock(&compact_stats_lock);
}
