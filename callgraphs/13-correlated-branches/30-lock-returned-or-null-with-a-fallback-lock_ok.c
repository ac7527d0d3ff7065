/*
 * A bucket's lock, or the table's when the table has no buckets.
 *
 * lock_bucket_or_table() returns the bucket it locked, or NULL after taking
 * the table's lock instead; unlock_bucket_or_table() drops whichever the
 * pointer says was taken, the bucket's through a helper. table_count() drops
 * it before it reports, so neither lock is held when it takes report_lock.
 *
 * expect-none
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
	unlock_bucket_or_table(t, b);
	spin_lock(&report_lock);
	report(n);
	spin_unlock(&report_lock);
	return n;
}

/* The report takes both locks under report_lock. */
void table_report(struct table *t)
{
	spin_lock(&report_lock);
	spin_lock(&t->lock);
	report(t->count);
	spin_unlock(&t->lock);
	spin_lock(&t->buckets->lock);
	report(t->buckets->count);
	spin_unlock(&t->buckets->lock);
	spin_unlock(&report_lock);
}
