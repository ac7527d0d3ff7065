/*
 * The _ok twin, but the release takes the pool's lock itself, after its
 * assertion and before it drops the page lock its caller holds: a real AB-BA
 * against the compaction path, which the assertion's ended path does not hide.
 */

typedef struct spinlock { int x; } spinlock_t;
struct z3fold_header { spinlock_t page_lock; int refcount; };
struct z3fold_pool { spinlock_t lock; int pages; };

static inline int z3_trylock(struct z3fold_header *zhdr)
{
	return spin_trylock(&zhdr->page_lock);
}

static void release_locked(struct z3fold_header *zhdr)
{
	BUG_ON(z3_trylock(zhdr));
	zhdr->refcount = 0;
	spin_unlock(&zhdr->page_lock);
}

void z3_put(struct z3fold_pool *pool, struct z3fold_header *zhdr)
{
	spin_lock(&zhdr->page_lock);
	BUG_ON(z3_trylock(zhdr));
	spin_lock(&pool->lock); /* expect LO001: z3fold_header.page_lock -> z3fold_pool.lock [confirmed] */
	pool->pages--;
	spin_unlock(&pool->lock);
	release_locked(zhdr);
}

void z3_compact(struct z3fold_pool *pool, struct z3fold_header *zhdr)
{
	spin_lock(&pool->lock);
	spin_lock(&zhdr->page_lock);
	zhdr->refcount++;
	spin_unlock(&zhdr->page_lock);
	spin_unlock(&pool->lock);
}
