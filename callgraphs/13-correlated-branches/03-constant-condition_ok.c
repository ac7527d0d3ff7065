/*
 * A lock taken and dropped under the same compile-time condition (6.1
 * fs/stack.c, fsstack_copy_inode_size, used by ecryptfs and overlayfs):
 *
 *	if (sizeof(i_size) > sizeof(long) || sizeof(i_blocks) > sizeof(long))
 *		spin_lock(&dst->i_lock);
 *	i_size_write(dst, i_size);
 *	dst->i_blocks = i_blocks;
 *	if (sizeof(i_size) > sizeof(long) || sizeof(i_blocks) > sizeof(long))
 *		spin_unlock(&dst->i_lock);
 *
 * A size is a constant whatever variable it names, so both tests take the
 * same side. Read path by path, "lock, then skip the unlock" returned
 * holding i_lock, and ecryptfs_write_end's caller (generic_perform_write)
 * then faulted in the next user page "under" it: i_lock -> page-table lock
 * on Linux 6.1. Here the caller takes wb_list_lock after the copy, the
 * reverse of inode_switch_wbs' order: a false cycle.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef long long loff_t;
typedef unsigned long long blkcnt_t;

struct inode { spinlock_t i_lock; loff_t i_size; blkcnt_t i_blocks; };

static spinlock_t wb_list_lock;

static loff_t i_size_read(const struct inode *inode)
{
	return inode->i_size;
}

void fsstack_copy_inode_size(struct inode *dst, struct inode *src)
{
	loff_t i_size;
	blkcnt_t i_blocks;

	i_size = i_size_read(src);

	if (sizeof(i_blocks) > sizeof(long))
		spin_lock(&src->i_lock);
	i_blocks = src->i_blocks;
	if (sizeof(i_blocks) > sizeof(long))
		spin_unlock(&src->i_lock);

	if (sizeof(i_size) > sizeof(long) || sizeof(i_blocks) > sizeof(long))
		spin_lock(&dst->i_lock);
	dst->i_size = i_size;
	dst->i_blocks = i_blocks;
	if (sizeof(i_size) > sizeof(long) || sizeof(i_blocks) > sizeof(long))
		spin_unlock(&dst->i_lock);
}

void stacked_write_end(struct inode *upper, struct inode *lower)
{
	fsstack_copy_inode_size(upper, lower);
	spin_lock(&wb_list_lock);
	spin_unlock(&wb_list_lock);
}

void inode_switch_wbs(struct inode *inode)
{
	spin_lock(&wb_list_lock);
	spin_lock(&inode->i_lock);
	spin_unlock(&inode->i_lock);
	spin_unlock(&wb_list_lock);
}
