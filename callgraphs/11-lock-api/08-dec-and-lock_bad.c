/*
 * iput's shape: atomic_dec_and_lock() drops a reference and, when it was the
 * last one, returns non-zero holding the inode's i_lock; the final put runs
 * under it and drops it.  It waits for i_lock when it takes it, so a thread
 * that holds s_inode_list_lock while putting an inode orders
 * s_inode_list_lock before i_lock, and evict_all_ish takes them the other
 * way round.
 *
 * Must report:
 *   LO001 inode.i_lock -> super_block.s_inode_list_lock (AB-BA with
 *         put_inode_ish called under s_inode_list_lock).
 */

struct spinlock { int raw; };
struct atomic { int counter; };
struct inode { struct spinlock i_lock; struct atomic i_count; int i_state; };
struct super_block { struct spinlock s_inode_list_lock; int s_count; };

static void put_final_ish(struct inode *inode)
{
	inode->i_state = 1;
	spin_unlock(&inode->i_lock);
}

static void put_inode_ish(struct inode *inode)
{
	if (atomic_dec_and_lock(&inode->i_count, &inode->i_lock)) /* expect LO001: inode.i_lock -> super_block.s_inode_list_lock */
		put_final_ish(inode);
}

void sb_drop_inode_ish(struct super_block *sb, struct inode *inode)
{
	spin_lock(&sb->s_inode_list_lock);
	put_inode_ish(inode);
	spin_unlock(&sb->s_inode_list_lock);
}

void evict_all_ish(struct super_block *sb, struct inode *inode)
{
	spin_lock(&inode->i_lock);
	spin_lock(&sb->s_inode_list_lock);
	sb->s_count--;
	spin_unlock(&sb->s_inode_list_lock);
	spin_unlock(&inode->i_lock);
}
