/*
 * S7-04 ok: parent/child nesting of one lock class with lockdep subclasses.
 *
 * Directory and victim inode share the class inode.i_rwsem.  do_rmdir locks
 * the directory as I_MUTEX_PARENT (subclass 1) and vfs_rmdir then locks the
 * victim with plain inode_lock (subclass 0): inode.i_rwsem/1 -> inode.i_rwsem.
 * lookup_one_locked takes the child as I_MUTEX_CHILD (subclass 2) under the
 * parent: inode.i_rwsem/1 -> inode.i_rwsem/2.  Subclasses are distinct
 * classes to the checker, and parent-before-child is the only order: no
 * recursive locking, no cycle.  (Enum values are those of 6.1's
 * include/linux/fs.h.)
 *
 * expect-none
 */

struct rw_semaphore { long count; };
struct inode { struct rw_semaphore i_rwsem; unsigned int i_nlink; };
struct dentry { struct inode *d_inode; struct dentry *d_parent; };

enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

static int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *victim = dentry->d_inode;
	int error = 0;

	inode_lock(victim);
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

	inode_lock_nested(dir, I_MUTEX_PARENT);
	error = vfs_rmdir(dir, dentry);
	inode_unlock(dir);
	return error;
}

int lookup_one_locked(struct dentry *parent, struct dentry *child)
{
	struct inode *dir = parent->d_inode;
	int found;

	inode_lock_nested(dir, I_MUTEX_PARENT);
	inode_lock_nested(child->d_inode, I_MUTEX_CHILD);
	found = child->d_inode->i_nlink != 0;
	inode_unlock(child->d_inode);
	inode_unlock(dir);
	return found;
}
