/*
 * expect-none
 *
 * cachefiles' write to its backing file (6.1 fs/cachefiles/io.c): the submitter
 * takes the backing file system's freeze protection and tells lockdep it let it
 * go (__sb_writers_release), because the I/O completion, in another thread,
 * takes it over (__sb_writers_acquired) and ends it. So the submitter's caller
 * holds nothing afterwards, and taking the cookie lock next orders nothing
 * after sb_writers; the truncation path takes the cookie lock first.
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

	__sb_writers_acquired(inode->i_sb, SB_FREEZE_WRITE);
	__sb_end_write(inode->i_sb, SB_FREEZE_WRITE);
}

int __cachefiles_write(struct file *file)
{
	struct inode *inode = file->f_inode;

	__sb_start_write(inode->i_sb, SB_FREEZE_WRITE);
	__sb_writers_release(inode->i_sb, SB_FREEZE_WRITE);
	return vfs_iocb_iter_write(file);
}

void cachefiles_issue_write(struct fscache_cookie *cookie, struct file *file)
{
	__cachefiles_write(file);
	mutex_lock(&cookie->lock);
	mutex_unlock(&cookie->lock);
}

void cachefiles_shorten_object(struct fscache_cookie *cookie, struct file *file)
{
	mutex_lock(&cookie->lock);
	sb_start_write(file->f_inode->i_sb);
	sb_end_write(file->f_inode->i_sb);
	mutex_unlock(&cookie->lock);
}
