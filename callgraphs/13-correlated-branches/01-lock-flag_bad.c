/*
 * The _ok twin's walk_zones_in_node, with a print callback that takes
 * node_stats_lock: called with nolock false, the walk holds zone.lock around
 * it (zone.lock -> node_stats_lock), the reverse of refresh_zone_stats'
 * order. A real cycle: following the flag keeps the path that takes the lock
 * and calls print under it.
 */

typedef struct { int rlock; } spinlock_t;
typedef _Bool bool;

struct zone { spinlock_t lock; unsigned long free; };
struct seq_file { char *buf; };

static spinlock_t node_stats_lock;
static unsigned long node_free;
static struct zone node_zones[4];

static void print_free(struct seq_file *m, struct zone *zone)
{
	spin_lock(&node_stats_lock); /* expect LO001: node_stats_lock -> zone.lock */
	seq_printf(m, "%lu of %lu\n", zone->free, node_free);
	spin_unlock(&node_stats_lock);
}

static void walk_zones_in_node(struct seq_file *m, bool nolock)
{
	struct zone *zone;
	unsigned long flags;

	for (zone = node_zones; zone - node_zones < 4; ++zone) {
		if (!nolock)
			spin_lock_irqsave(&zone->lock, flags);
		print_free(m, zone);
		if (!nolock)
			spin_unlock_irqrestore(&zone->lock, flags);
	}
}

int zone_stats_show(struct seq_file *m, void *arg)
{
	walk_zones_in_node(m, 0);
	return 0;
}

void refresh_zone_stats(struct zone *zone)
{
	spin_lock(&node_stats_lock);
	spin_lock(&zone->lock);
	node_free += zone->free;
	spin_unlock(&zone->lock);
	spin_unlock(&node_stats_lock);
}
