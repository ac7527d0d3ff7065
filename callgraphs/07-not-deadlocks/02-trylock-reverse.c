/*
 * S7-02 reverse order only with a trylock (fs/dcache.c, dentry_kill).
 *
 * The documented order is inode->i_lock -> dentry->d_lock (d_instantiate).
 * dput holds d_lock and needs the inode's i_lock: it only *tries* it, and on
 * failure drops d_lock and lets the caller retry in the right order.  A
 * trylock cannot block, so it adds no edge d_lock -> i_lock; i_lock is held
 * afterwards, which the unlocks below rely on.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;

struct inode { spinlock_t i_lock; unsigned long i_state; };
struct dentry {
	spinlock_t d_lock;
	struct inode *d_inode;
	int d_count;
};

static void __d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dentry->d_lock);
	dentry->d_inode = inode;
	spin_unlock(&dentry->d_lock);
}

void d_instantiate(struct dentry *entry, struct inode *inode)
{
	if (inode) {
		spin_lock(&inode->i_lock);
		__d_instantiate(entry, inode);
		spin_unlock(&inode->i_lock);
	}
}

/* called with dentry->d_lock held; returns with it released */
static struct dentry *dentry_kill(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (inode && !spin_trylock(&inode->i_lock)) {
		/* wrong order: back off, the caller retries */
		spin_unlock(&dentry->d_lock);
		return dentry;
	}
	dentry->d_inode = NULL;
	spin_unlock(&dentry->d_lock);
	if (inode) {
		inode->i_state = 0;
		spin_unlock(&inode->i_lock);
	}
	return NULL;
}

void dput(struct dentry *dentry)
{
	if (!dentry)
		return;
	spin_lock(&dentry->d_lock);
	if (--dentry->d_count) {
		spin_unlock(&dentry->d_lock);
		return;
	}
	dentry_kill(dentry);
}
