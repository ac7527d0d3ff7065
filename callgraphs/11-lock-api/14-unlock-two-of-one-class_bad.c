/*
 * The twin of 14-unlock-two-of-one-class_ok.c whose unlock helper forgets
 * the first directory: i_rwsem/1 really is held when rename_dirs takes
 * rename_stats_lock, the reverse of account_rename's order (reported where
 * account_rename closes the cycle).
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
	down_write_nested(&dir->i_rwsem, 1); /* expect LO001: inode.i_rwsem/1 -> rename_stats_lock */
	dir->nlink = renames;
	up_write(&dir->i_rwsem);
	mutex_unlock(&rename_stats_lock);
}
