/*
 * The helpers twin whose areas table flushes under stats_lock too: show()
 * holds area_lock (the areas start) into the areas flush, which takes
 * stats_lock, while stats_reset() takes them the other way round. A real
 * AB-BA, confirmed.
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
	spin_lock(&stats_lock);
	m->count = 0;
	spin_unlock(&stats_lock);
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
	spin_lock(&area_lock); /* expect LO001: area_lock -> stats_lock [confirmed] */
	spin_unlock(&area_lock);
	spin_unlock(&stats_lock);
}
