/*
 * S15-01 (twin) The same sleep under a spinlock taken in view.
 *
 * 01-sleep-under-a-returned-spinlock_ok.c, but splice_ish() takes the old
 * parent's d_lock itself around the iput: a lock the function takes in view
 * keeps its orderings, so d_lock -> i_rwsem -> i_lock against
 * instantiate_ish()'s i_lock -> d_lock is reported, confirmed. (The sleep
 * under it is a bug of its own, which CONFIG_DEBUG_ATOMIC_SLEEP reports.)
 *
 * What ADR-014 does not cut: an ordering from the lock move_ish() seems to
 * leak to one taken before any sleep. The false exit leaves d_lock/2 held
 * into splice_ish()'s d_lock; the simulator, which drops the lock an unlock
 * names, does not reproduce that cycle and names the unlock.
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
	spin_lock(&dentry->d_parent->d_lock); /* expect LO001: dentry.d_lock -> dentry.d_lock/2 [not-reproduced] */
	iput_ish(inode);
	spin_unlock(&dentry->d_parent->d_lock);
}

void instantiate_ish(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&inode->i_lock);
	spin_lock(&dentry->d_lock); /* expect LO001: dentry.d_lock -> inode.i_lock [confirmed] */ /* expect LO001: dentry.d_lock -> inode.i_rwsem -> inode.i_lock [confirmed] */
	dentry->d_inode = inode;
	spin_unlock(&dentry->d_lock);
	spin_unlock(&inode->i_lock);
}
