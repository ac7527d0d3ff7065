/*
 * A helper that unlocks two locks of one class, taken by another helper as
 * two subclasses (the shape of 6.1 fs/namei.c: lock_rename takes both
 * directories' i_rwsem, I_MUTEX_PARENT then I_MUTEX_PARENT2, and
 * unlock_rename drops both; and of fs/dcache.c's __dentry_kill, which drops
 * a dentry's d_lock and its parent's).
 *
 * Inside unlock_dirs neither lock is held, so both unlocks are releases of
 * the caller's locks, of one class. Kept as a set, they were one release:
 * the caller dropped one of its two locks and kept i_rwsem/1 to the end,
 * where it took rename_stats_lock under it, the reverse of account_rename's
 * order. A class released twice by a path is now released twice.
 *
 * expect-none
 */

struct rw_semaphore { long count; };
struct mutex { long owner; };
struct inode { struct rw_semaphore i_rwsem; long nlink; };

static struct mutex rename_stats_lock;
static long renames;

static void lock_dirs(struct inode *a, struct inode *b)
{
	down_write_nested(&a->i_rwsem, 1);
	down_write_nested(&b->i_rwsem, 2);
}

static void unlock_dirs(struct inode *a, struct inode *b)
{
	up_write(&a->i_rwsem);
	up_write(&b->i_rwsem);
}

void rename_dirs(struct inode *from, struct inode *to)
{
	lock_dirs(from, to);
	from->nlink--;
	to->nlink++;
	unlock_dirs(from, to);
	mutex_lock(&rename_stats_lock);
	renames++;
	mutex_unlock(&rename_stats_lock);
}

void account_rename(struct inode *dir)
{
	mutex_lock(&rename_stats_lock);
	down_write_nested(&dir->i_rwsem, 1);
	dir->nlink = renames;
	up_write(&dir->i_rwsem);
	mutex_unlock(&rename_stats_lock);
}
