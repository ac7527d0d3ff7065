/*
 * A lock taken and dropped under the same flag (6.1 mm/vmstat.c,
 * walk_zones_in_node): "if (!nolock) spin_lock_irqsave(&zone->lock, flags);
 * print(...); if (!nolock) spin_unlock_irqrestore(&zone->lock, flags);"
 * (print is a callback there, a direct call here).
 *
 * The two tests read a parameter that the function never assigns, so they
 * take the same side: the lock is either taken and dropped, or neither. Read
 * path by path without that, one path takes the lock and skips the unlock
 * (zone.lock "leaks" to the caller) and another drops a lock it never took.
 * The leak made zone_stats_show hold zone.lock while taking node_stats_lock,
 * the reverse of refresh_zone_stats' order: a false cycle.
 *
 * expect-none
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
	seq_printf(m, "%lu\n", zone->free);
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
	spin_lock(&node_stats_lock);
	seq_printf(m, "node %lu\n", node_free);
	spin_unlock(&node_stats_lock);
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
