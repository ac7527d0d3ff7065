/*
 * The _ok twin, but the caller locks one inode and passes another, which may
 * be NULL: __d_add's exit that found its inode NULL is possible, and the lock
 * taken through the first inode is still held when add_alias takes
 * s_inode_list_lock. A real cycle with inode_sb_list_add, which the
 * callee's NULL fact must not hide: it is about the argument, not about the
 * lock.
 */

typedef struct { int rlock; } spinlock_t;

struct inode { spinlock_t i_lock; unsigned long i_state; };
struct dentry { spinlock_t d_lock; struct inode *d_inode; };
struct super_block { spinlock_t s_inode_list_lock; };

static void __d_add(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dentry->d_lock);
	if (inode)
		dentry->d_inode = inode;
	spin_unlock(&dentry->d_lock);
	if (inode)
		spin_unlock(&inode->i_lock);
}

int add_alias(struct super_block *sb, struct dentry *dentry, struct inode *dir, struct inode *inode)
{
	if (dir)
		spin_lock(&dir->i_lock);
	__d_add(dentry, inode);
	spin_lock(&sb->s_inode_list_lock); /* expect LO001: inode.i_lock -> super_block.s_inode_list_lock */
	dir->i_state = 0;
	spin_unlock(&sb->s_inode_list_lock);
	return 0;
}

void inode_sb_list_add(struct super_block *sb, struct inode *inode)
{
	spin_lock(&sb->s_inode_list_lock);
	spin_lock(&inode->i_lock);
	inode->i_state = 1;
	spin_unlock(&inode->i_lock);
	spin_unlock(&sb->s_inode_list_lock);
}
