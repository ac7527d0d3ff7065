/*
 * S7-04 bad: the twin of 04-nested-parent-child_ok.c without the subclass.
 *
 * do_rmdir locks the directory with plain inode_lock and vfs_rmdir then locks
 * the victim with plain inode_lock: two instances of inode.i_rwsem nested
 * with the same subclass.  That is lockdep's "possible recursive locking";
 * the real code avoids it with inode_lock_nested(dir, I_MUTEX_PARENT).
 *
 * Must report: LO002 inode.i_rwsem, at the victim's inode_lock.
 */

struct rw_semaphore { long count; };
struct inode { struct rw_semaphore i_rwsem; unsigned int i_nlink; };
struct dentry { struct inode *d_inode; struct dentry *d_parent; };

static int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *victim = dentry->d_inode;
	int error = 0;

	inode_lock(victim); /* expect LO002: inode.i_rwsem */
	if (victim->i_nlink > 2)
		error = -ENOTEMPTY;
	else
		victim->i_nlink = 0;
	inode_unlock(victim);
	return error;
}

int do_rmdir(struct dentry *parent, struct dentry *dentry)
{
	struct inode *dir = parent->d_inode;
	int error;

	inode_lock(dir);	/* missing I_MUTEX_PARENT */
	error = vfs_rmdir(dir, dentry);
	inode_unlock(dir);
	return error;
}
