/*
 * The twin of 14-flag-by-address_ok.c whose scan gives up in the middle of
 * the block, when the caller asked it to stop early, and returns without the
 * final unlock: zone.lock really is held when compact_zone_range takes
 * compact_stats_lock, the reverse of account_free_pages' order.
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
		if (sc->contended && found > 8)
			return found;
	}
	if (locked)
		spin_unlock_irqrestore(&sc->zone->lock, flags);
	return found;
}

void compact_zone_range(struct scan_control *sc, unsigned long start, unsigned long end)
{
	unsigned long found = scan_free_block(sc, start, end);

	spin_lock(&compact_stats_lock); /* expect LO001: compact_stats_lock -> zone.lock */
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
