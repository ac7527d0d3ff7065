/*
 * One ops pointer, one table (the shape of 6.1 fs/seq_file.c: traverse()
 * calls m->op->start, then m->op->stop, with one seq_file whose op never
 * changes in between).
 *
 * Read by its table type alone, each indirect call reaches every table's
 * function, so toyseq_show_all() had a path that starts the areas file (which
 * returns holding area_lock) and stops the stats file (which takes
 * area_lock): a recursive lock, which the simulator then refuted (in 6.1 the
 * same reading made vmap_area_lock, vmalloc's /proc/vmallocinfo start with
 * vmscan's lru_gen stop, "confirmed"). The call through m->op now remembers,
 * on each path, the tables of the start functions that gave it, and the stop
 * reaches only those tables' stop: the stats file's stop runs only after its
 * own start, which holds stats_mutex, not area_lock.
 *
 * expect-none
 */

struct toyseq_file;
struct toyseq_ops {
	void *(*start)(struct toyseq_file *m);
	void (*stop)(struct toyseq_file *m, void *v);
};
struct toyseq_file { const struct toyseq_ops *op; int count; };

static DEFINE_SPINLOCK(area_lock);
static DEFINE_MUTEX(stats_mutex);

static void *areas_start(struct toyseq_file *m)
{
	spin_lock(&area_lock);
	return m;
}

static void areas_stop(struct toyseq_file *m, void *v)
{
	spin_unlock(&area_lock);
}

static void *stats_start(struct toyseq_file *m)
{
	mutex_lock(&stats_mutex);
	return m;
}

static void stats_stop(struct toyseq_file *m, void *v)
{
	spin_lock(&area_lock);
	m->count++;
	spin_unlock(&area_lock);
	mutex_unlock(&stats_mutex);
}

static const struct toyseq_ops areas_ops = { .start = areas_start, .stop = areas_stop };
static const struct toyseq_ops stats_ops = { .start = stats_start, .stop = stats_stop };

int toyseq_show_all(struct toyseq_file *m)
{
	void *p = m->op->start(m);

	m->count = 0;
	m->op->stop(m, p);
	return 0;
}
