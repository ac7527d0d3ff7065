/*
 * The twin of 08-dec-and-lock_bad.c: atomic_dec_and_lock() holds i_lock
 * only when it returned non-zero.  Here the thread that is not the last
 * one takes s_inode_list_lock after a failed drop, when it holds nothing,
 * and the last one drops i_lock (through put_final_ish) before it does.
 * Read as a plain lock, the failed drop would order i_lock before
 * s_inode_list_lock; read as a trylock, the drop under s_inode_list_lock in
 * sb_drop_inode_ish would order nothing (that is the _bad twin's finding).
 *
 * Must report nothing.  expect-none
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

void put_inode_ish(struct super_block *sb, struct inode *inode)
{
	if (atomic_dec_and_lock(&inode->i_count, &inode->i_lock)) {
		put_final_ish(inode);
		return;
	}
	spin_lock(&sb->s_inode_list_lock);
	sb->s_count++;
	spin_unlock(&sb->s_inode_list_lock);
}

void sb_count_ish(struct super_block *sb, struct inode *inode)
{
	spin_lock(&sb->s_inode_list_lock);
	spin_lock(&inode->i_lock);
	inode->i_state = 0;
	spin_unlock(&inode->i_lock);
	spin_unlock(&sb->s_inode_list_lock);
}
