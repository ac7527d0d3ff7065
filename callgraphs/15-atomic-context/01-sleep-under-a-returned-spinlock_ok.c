/*
 * S15-01 A spinlock a callee seems to return held, then a sleep: the path is
 * one the analysis paired wrongly, and gives no orderings past the sleep.
 *
 * Shaped on 6.1 fs/dcache.c: __d_move takes the old parent's d_lock unless
 * the dentry is a root (IS_ROOT), and drops it at the end under another test
 * that says the same in reality (here a flag set exactly when the dentry has
 * a parent; in 6.1 "dentry != old_parent" after d_parent was reassigned).
 * The analysis does not tie the two tests, so one exit of move_ish() seems to
 * return holding d_lock. d_splice_alias then calls iput(), whose final put
 * evicts the inode: evict_ish() sleeps on the inode's rwsem before it takes
 * the inode's i_lock. Holding a spinlock there would be "sleeping function
 * called from invalid context", which kernel code does not do, so ADR-014
 * takes the exit for one paired wrongly and d_lock as not held past the
 * sleep: no d_lock -> i_lock edge, and no false AB-BA against instantiate_ish()'s i_lock -> d_lock (the order
 * dcache.c documents). On Linux 6.1 the same leak gave dentry.d_lock/1 and
 * /2 374 edges each, to folio locks, buffer locks and every lock eviction
 * takes.
 *
 * expect-none
 */
typedef struct { int rlock; } spinlock_t;
struct rw_semaphore { long count; };
struct inode { struct rw_semaphore i_rwsem; spinlock_t i_lock; int i_count; };
struct dentry { struct dentry *d_parent; spinlock_t d_lock; struct inode *d_inode; unsigned d_flags; };

#define DCACHE_HAS_PARENT 0x1

static void move_ish(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;

	if (dentry != dentry->d_parent)
		spin_lock(&old_parent->d_lock);
	spin_lock_nested(&dentry->d_lock, 2);
	dentry->d_parent = target->d_parent;
	spin_unlock(&dentry->d_lock);
	if (dentry->d_flags & DCACHE_HAS_PARENT)
		spin_unlock(&old_parent->d_lock);
}

static void evict_ish(struct inode *inode)
{
	down_write(&inode->i_rwsem);
	spin_lock(&inode->i_lock);
	inode->i_count = 0;
	spin_unlock(&inode->i_lock);
	up_write(&inode->i_rwsem);
}

static void iput_ish(struct inode *inode)
{
	if (--inode->i_count == 0)
		evict_ish(inode);
}

void splice_ish(struct dentry *dentry, struct dentry *target, struct inode *inode)
{
	move_ish(dentry, target);
	iput_ish(inode);
}

void instantiate_ish(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&inode->i_lock);
	spin_lock(&dentry->d_lock);
	dentry->d_inode = inode;
	spin_unlock(&dentry->d_lock);
	spin_unlock(&inode->i_lock);
}
