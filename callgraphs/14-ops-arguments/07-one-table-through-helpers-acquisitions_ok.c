/*
 * The two-helpers shape again, with a helper between them that takes a lock in
 * one table only: what a helper reaches through its parameter's pointer is
 * tied to the table, as its exits are.
 *
 * show() starts the areas file through start_of() (areas_start returns
 * holding area_lock), flushes through flush_of() and stops through stop_of().
 * Only the stats table's flush takes stats_lock. Read by the tables' type, the
 * flush under area_lock reached it: area_lock -> stats_lock, against
 * stats_reset()'s stats_lock -> area_lock, a false AB-BA. flush_of()'s
 * acquisition of stats_lock says it is reached for the stats table alone, and
 * show()'s path, which chose the areas table through start_of(), does not
 * reach it.
 *
 * expect-none
 */
struct toyseq_file;
struct toyseq_ops {
	void (*start)(struct toyseq_file *m);
	void (*flush)(struct toyseq_file *m);
	void (*stop)(struct toyseq_file *m);
};
struct toyseq_file { const struct toyseq_ops *op; int count; };

static DEFINE_SPINLOCK(area_lock);
static DEFINE_SPINLOCK(stats_lock);

static void areas_start(struct toyseq_file *m)
{
	spin_lock(&area_lock);
}

static void areas_flush(struct toyseq_file *m)
{
	m->count = 0;
}

static void areas_stop(struct toyseq_file *m)
{
	spin_unlock(&area_lock);
}

static void stats_start(struct toyseq_file *m)
{
	m->count = 1;
}

static void stats_flush(struct toyseq_file *m)
{
	spin_lock(&stats_lock);
	m->count = 0;
	spin_unlock(&stats_lock);
}

static void stats_stop(struct toyseq_file *m)
{
	m->count = 2;
}

static const struct toyseq_ops areas_ops = { .start = areas_start, .flush = areas_flush, .stop = areas_stop };
static const struct toyseq_ops stats_ops = { .start = stats_start, .flush = stats_flush, .stop = stats_stop };

static void start_of(struct toyseq_file *m)
{
	m->op->start(m);
}

static void flush_of(struct toyseq_file *m)
{
	m->op->flush(m);
}

static void stop_of(struct toyseq_file *m)
{
	m->op->stop(m);
}

int show(struct toyseq_file *m)
{
	start_of(m);
	flush_of(m);
	stop_of(m);
	return 0;
}

void stats_reset(void)
{
	spin_lock(&stats_lock);
	spin_lock(&area_lock);
	spin_unlock(&area_lock);
	spin_unlock(&stats_lock);
}
