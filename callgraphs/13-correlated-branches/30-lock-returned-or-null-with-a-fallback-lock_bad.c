/*
 * A bucket's lock, or the table's, still held at the report (twin).
 *
 * 30-lock-returned-or-null-with-a-fallback-lock_ok.c with the unlock moved
 * below the report: whichever lock lock_bucket_or_table() took (the bucket's,
 * or the table's when it returned NULL) is still held when table_count()
 * takes report_lock, the reverse of table_report()'s order. Both cycles are
 * real, one per lock.
 */

typedef struct { int rlock; } spinlock_t;
struct bucket { spinlock_t lock; unsigned long count; };
struct table { spinlock_t lock; struct bucket *buckets; unsigned long count; };

static spinlock_t report_lock;

static struct bucket *lock_bucket(struct table *t, unsigned long i)
{
	struct bucket *b = t->buckets;

	if (b) {
		b += i;
		spin_lock(&b->lock);
	}
	return b;
}

static void unlock_bucket(struct bucket *b)
{
	if (b)
		spin_unlock(&b->lock);
}

static struct bucket *lock_bucket_or_table(struct table *t, unsigned long i)
{
	struct bucket *b = lock_bucket(t, i);

	if (!b)
		spin_lock(&t->lock);
	return b;
}

static void unlock_bucket_or_table(struct table *t, struct bucket *b)
{
	if (b)
		unlock_bucket(b);
	else
		spin_unlock(&t->lock);
}

void report(unsigned long n);

unsigned long table_count(struct table *t, unsigned long i)
{
	struct bucket *b;
	unsigned long n;

	b = lock_bucket_or_table(t, i);
	n = b ? b->count : t->count;
	spin_lock(&report_lock); /* expect LO001: bucket.lock -> report_lock [confirmed] */
	report(n);
	spin_unlock(&report_lock);
	unlock_bucket_or_table(t, b);
	return n;
}

/* The report takes both locks under report_lock. */
void table_report(struct table *t)
{
	spin_lock(&report_lock);
	spin_lock(&t->lock); /* expect LO001: report_lock -> table.lock [confirmed] */
	report(t->count);
	spin_unlock(&t->lock);
	spin_lock(&t->buckets->lock);
	report(t->buckets->count);
	spin_unlock(&t->buckets->lock);
	spin_unlock(&report_lock);
}
