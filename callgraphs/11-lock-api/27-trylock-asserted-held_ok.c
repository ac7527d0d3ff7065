/*
 * A trylock asserted to fail, BUG_ON(z3_trylock(zhdr)), through a helper
 * that returns the trylock's result (shaped on 6.1's z3fold, which writes
 * WARN_ON(z3fold_page_trylock(zhdr)); ocfs2 and mm/memory.c write
 * BUG_ON(inode_trylock(tl_inode)) and BUG_ON(mmap_read_trylock(mm))). The
 * caller holds the page lock, so the trylock fails, and if it ever succeeded
 * the kernel would stop there. An assertion written as a statement is a branch
 * whose non-zero side calls it, and the linux profile says BUG_ON never returns
 * (docs/c-dialect.md): the helper's exit that took the lock ends there. Read as
 * a plain call, that exit seemed to keep a second instance, which the release
 * did not drop, and the page lock was ordered before the pool's lock, against
 * the compaction path (a false AB-BA).
 *
 * expect-none
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
	release_locked(zhdr);
	spin_lock(&pool->lock);
	pool->pages--;
	spin_unlock(&pool->lock);
}

void z3_compact(struct z3fold_pool *pool, struct z3fold_header *zhdr)
{
	spin_lock(&pool->lock);
	spin_lock(&zhdr->page_lock);
	zhdr->refcount++;
	spin_unlock(&zhdr->page_lock);
	spin_unlock(&pool->lock);
}
