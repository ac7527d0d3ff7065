/*
 * The twin of 17-freeze-protection-handed-over_ok.c without the hand-over
 * annotations: the submitter returns holding the backing file system's
 * freeze protection, as lockdep would see it (and report as a lock held on
 * return to user space), and the cookie lock it takes next is ordered after
 * it, against the truncation path's order.
 */

struct mutex { int owner; };
struct super_block { int s_frozen; };
struct inode { struct super_block *i_sb; };
struct file { struct inode *f_inode; };
struct fscache_cookie { struct mutex lock; };

enum { SB_FREEZE_WRITE = 1 };

void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
void sb_start_write(struct super_block *sb);
void sb_end_write(struct super_block *sb);
int vfs_iocb_iter_write(struct file *file);

void cachefiles_write_complete(struct file *file)
{
	struct inode *inode = file->f_inode;

	__sb_end_write(inode->i_sb, SB_FREEZE_WRITE);
}

int __cachefiles_write(struct file *file)
{
	struct inode *inode = file->f_inode;

	__sb_start_write(inode->i_sb, SB_FREEZE_WRITE);
	return vfs_iocb_iter_write(file);
}

void cachefiles_issue_write(struct fscache_cookie *cookie, struct file *file)
{
	__cachefiles_write(file);
	mutex_lock(&cookie->lock); /* expect LO001: fscache_cookie.lock -> sb_writers */
	mutex_unlock(&cookie->lock);
}

void cachefiles_shorten_object(struct fscache_cookie *cookie, struct file *file)
{
	mutex_lock(&cookie->lock);
	sb_start_write(file->f_inode->i_sb);
	sb_end_write(file->f_inode->i_sb);
	mutex_unlock(&cookie->lock);
}
