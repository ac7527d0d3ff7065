/*
 * XFS's inode lock, through xfs_ilock's own body.  The ILOCK is an mrlock_t
 * (fs/xfs/mrlock.h), a struct around an rw_semaphore; the lock model declares
 * the mrlock_t helpers, so the ILOCK's class is its declaration,
 * xfs_inode.i_lock.  xfs_ilock and xfs_iunlock need no entry: they are
 * analyzed through their bodies.
 *
 * The real xfs_ilock also takes the IOLOCK (the VFS inode's i_rwsem) and the
 * MMAPLOCK (the mapping's invalidate_lock) when its flags say so.  The
 * analysis does not evaluate flags: every call would take all three, in
 * either mode (docs/lock-model.md, known limitations), so this copy keeps the
 * ILOCK branches only.
 *
 * xfs_file_read_extents_ish reads from user memory with the ILOCK held (a
 * made-up bug); the page fault takes mmap_lock, and XFS's fault handler maps
 * the extent under the ILOCK shared (xfs_ilock_data_map_shared).
 *
 * Must report:
 *   LO001 xfs_inode.i_lock -> mm_struct.mmap_lock, through the page fault.
 *   LO002 xfs_inode.i_lock: the fault takes an ILOCK while one is held (the AA
 *         case when the user buffer maps the same file).  Both fault-side
 *         acquisitions show as W: xfs_ilock_data_map_shared passes
 *         XFS_ILOCK_SHARED, but the flags are not evaluated.
 */

typedef unsigned int uint;
typedef unsigned int vm_fault_t;
typedef long ssize_t;

struct rw_semaphore { long count; };
typedef struct { struct rw_semaphore mr_lock; } mrlock_t;
struct inode { struct rw_semaphore i_rwsem; };
struct xfs_inode { struct inode i_vnode; mrlock_t i_lock; long i_nextents; };
struct file { struct inode *f_inode; };
struct vm_area_struct { struct file *vm_file; };
struct vm_fault { struct vm_area_struct *vma; };
struct vm_operations_struct { vm_fault_t (*fault)(struct vm_fault *); };

#define XFS_ILOCK_EXCL		(1u << 2)
#define XFS_ILOCK_SHARED	(1u << 3)

/* fs/xfs/xfs_inode.c: the ILOCK branches, without the lockdep subclasses */
void xfs_ilock(struct xfs_inode *ip, uint lock_flags)
{
	if (lock_flags & XFS_ILOCK_EXCL)
		mrupdate_nested(&ip->i_lock, 0);
	else if (lock_flags & XFS_ILOCK_SHARED)
		mraccess_nested(&ip->i_lock, 0);
}

void xfs_iunlock(struct xfs_inode *ip, uint lock_flags)
{
	if (lock_flags & XFS_ILOCK_EXCL)
		mrunlock_excl(&ip->i_lock);
	else if (lock_flags & XFS_ILOCK_SHARED)
		mrunlock_shared(&ip->i_lock);
}

uint xfs_ilock_data_map_shared(struct xfs_inode *ip)
{
	uint lock_mode = XFS_ILOCK_SHARED;

	xfs_ilock(ip, lock_mode);
	return lock_mode;
}

static vm_fault_t xfs_filemap_fault_ish(struct vm_fault *vmf)
{
	struct xfs_inode *ip = XFS_I(file_inode(vmf->vma->vm_file));
	uint lock_mode;

	lock_mode = xfs_ilock_data_map_shared(ip);	/* expect LO001: xfs_inode.i_lock -> mm_struct.mmap_lock */
	ip->i_nextents++;
	xfs_iunlock(ip, lock_mode);
	return 0;
}

static const struct vm_operations_struct xfs_file_vm_ops = {
	.fault		= xfs_filemap_fault_ish,
};

ssize_t xfs_file_read_extents_ish(struct xfs_inode *ip, void *ubuf)
{
	long n;

	xfs_ilock(ip, XFS_ILOCK_EXCL);
	if (copy_from_user(&n, ubuf, sizeof(n)))	/* expect LO002: xfs_inode.i_lock */
		n = 0;
	ip->i_nextents = n;
	xfs_iunlock(ip, XFS_ILOCK_EXCL);
	return 0;
}
