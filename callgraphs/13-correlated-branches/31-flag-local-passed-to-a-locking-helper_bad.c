/*
 * A flags local that can hold the bit that takes the lock (twin).
 *
 * 31-flag-local-passed-to-a-locking-helper_ok.c where a synchronous write
 * also or-s in TOYFS_ILOCK_MMAP: toyfs_inode_lock() then takes mmap_sem, and
 * the write takes log_mutex under it, the reverse of toyfs_sync_log(). The
 * bits the flags can hold now include MMAP, so the helper's branch stays
 * open and the cycle is real.
 */

#define EAGAIN		11
#define IOCB_NOWAIT	(1 << 3)
#define IOCB_SYNC	(1 << 5)

/*
 * btrfs defines its flags with #define in fs/btrfs/ctree.h, a header; a file
 * here is a program of its own and its own #defines are not read as values,
 * so the flags are an enum of this file.
 */
enum toyfs_ilock {
	TOYFS_ILOCK_SHARED = 1U << 0,
	TOYFS_ILOCK_TRY = 1U << 1,
	TOYFS_ILOCK_MMAP = 1U << 2,
};

struct rw_semaphore { long count; };
struct mutex { long owner; };
struct toyfs_inode {
	struct rw_semaphore i_rwsem;
	struct rw_semaphore mmap_sem;
	struct mutex log_mutex;
	long size;
};
struct kiocb { int ki_flags; long ki_pos; struct toyfs_inode *ki_inode; };

int toyfs_inode_lock(struct toyfs_inode *ti, unsigned int ilock_flags)
{
	if (ilock_flags & TOYFS_ILOCK_SHARED) {
		if (ilock_flags & TOYFS_ILOCK_TRY) {
			if (!down_read_trylock(&ti->i_rwsem))
				return -EAGAIN;
			return 0;
		}
		down_read(&ti->i_rwsem);
	} else {
		if (ilock_flags & TOYFS_ILOCK_TRY) {
			if (!down_write_trylock(&ti->i_rwsem))
				return -EAGAIN;
			return 0;
		}
		down_write(&ti->i_rwsem);
	}
	if (ilock_flags & TOYFS_ILOCK_MMAP)
		down_write(&ti->mmap_sem);
	return 0;
}

void toyfs_inode_unlock(struct toyfs_inode *ti, unsigned int ilock_flags)
{
	if (ilock_flags & TOYFS_ILOCK_MMAP)
		up_write(&ti->mmap_sem);
	if (ilock_flags & TOYFS_ILOCK_SHARED)
		up_read(&ti->i_rwsem);
	else
		up_write(&ti->i_rwsem);
}

long toyfs_dio_write(struct kiocb *iocb, long len)
{
	struct toyfs_inode *ti = iocb->ki_inode;
	unsigned int ilock_flags = 0;
	int ret;

	if (iocb->ki_flags & IOCB_NOWAIT)
		ilock_flags |= TOYFS_ILOCK_TRY;
	if (iocb->ki_pos + len <= ti->size)
		ilock_flags |= TOYFS_ILOCK_SHARED;
	if (iocb->ki_flags & IOCB_SYNC)
		ilock_flags |= TOYFS_ILOCK_MMAP;

	ret = toyfs_inode_lock(ti, ilock_flags);
	if (ret < 0)
		return ret;
	mutex_lock(&ti->log_mutex); /* expect LO001: toyfs_inode.mmap_sem -> toyfs_inode.log_mutex [confirmed] */
	iocb->ki_pos += len;
	mutex_unlock(&ti->log_mutex);
	toyfs_inode_unlock(ti, ilock_flags);
	return len;
}

void toyfs_sync_log(struct toyfs_inode *ti)
{
	mutex_lock(&ti->log_mutex);
	down_read(&ti->mmap_sem);
	ti->size = 0;
	up_read(&ti->mmap_sem);
	mutex_unlock(&ti->log_mutex);
}
