/*
 * A lock taken through a pointer, released by a callee under its own test of
 * the pointer (6.1 fs/dcache.c, d_add and __d_add):
 *
 *	void d_add(struct dentry *entry, struct inode *inode)
 *	{
 *		if (inode) {
 *			security_d_instantiate(entry, inode);
 *			spin_lock(&inode->i_lock);
 *		}
 *		__d_add(entry, inode);
 *	}
 *
 * and __d_add ends with "if (inode) spin_unlock(&inode->i_lock);". __d_add
 * returns one way without the unlock: when inode is NULL, which its exit
 * records (the parameter is never assigned there). d_add took i_lock through
 * inode, so inode is not NULL on that path, and that exit is not taken.
 * Read without that, d_add returned holding i_lock, and nfsd's
 * nfsdfs_create_files then took s_inode_list_lock under it on Linux 6.1, the
 * reverse of fs/inode.c's documented order: a false cycle.
 *
 * expect-none
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

void d_add(struct dentry *entry, struct inode *inode)
{
	if (inode)
		spin_lock(&inode->i_lock);
	__d_add(entry, inode);
}

int create_file(struct super_block *sb, struct dentry *dentry, struct inode *inode)
{
	d_add(dentry, inode);
	spin_lock(&sb->s_inode_list_lock);
	inode->i_state = 0;
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
