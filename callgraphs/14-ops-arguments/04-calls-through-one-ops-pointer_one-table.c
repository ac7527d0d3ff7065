/*
 * The two-tables twin with one table whose stop takes the lock its start returned
 * holding: both calls go through one m->op, into one table, and the thread
 * deadlocks on itself (a real recursive lock, confirmed).
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
	spin_lock(&area_lock); /* expect LO002: area_lock [confirmed] */
	m->count--;
	spin_unlock(&area_lock);
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
