/*
 * S3 buggy: gfs2 glock self-recursion through a page fault (seed 001,
 * "gfs2: Fix mmap + page fault deadlocks").
 *
 * read(2) into a buffer that is an mmap of the same file:
 *   gfs2_file_read_iter: gfs2_glock_nq (inode glock held)
 *   -> generic_file_read_iter -> filemap_read -> copy_to_user (may fault)
 *   -> page fault: mmap_lock (r) -> gfs2_vm_ops.fault = gfs2_fault
 *   -> gfs2_glock_nq on the same glock: AA deadlock.
 * The glock API is declared in lockorder.yaml next to this file.
 *
 * Must report, as the rules yield them:
 *   LO002 gfs2_glock: the glock is queued again while held (the AA case of
 *         the thread).
 *   LO001 gfs2_glock -> mm_struct.mmap_lock: the read path holds the glock
 *         across the fault (glock -> mmap_lock, mmap_lock taken r) and every
 *         fault takes the glock under mmap_lock (mmap_lock -> glock).  This is
 *         also Linus's point in the thread: the fault need not come back into
 *         the same file for the read side to block a fault, so "detect the
 *         self-recursion" does not remove the ordering problem.
 * gfs2_page_mkwrite is left out: it takes sb_start_pagefault before the
 * glock and would add a second, unrelated cycle.
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned int vm_fault_t;

struct gfs2_glock { unsigned long gl_flags; };
struct gfs2_holder { struct gfs2_glock *gh_gl; unsigned int gh_state; };
struct gfs2_inode { struct gfs2_glock *i_gl; };
struct address_space { struct inode *host; };
struct inode { struct address_space *i_mapping; loff_t i_size; };
struct file { struct address_space *f_mapping; };
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };
struct iov_iter { size_t count; };
struct vm_area_struct { struct file *vm_file; };
struct vm_fault { struct vm_area_struct *vma; unsigned int flags; };
struct file_operations {
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
};
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *);
};

/* mm/filemap.c: copy cached folios to the user buffer */
static ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *iter, ssize_t already_read)
{
	char *kaddr;
	size_t bytes;
	ssize_t copied = 0;

	while (iov_iter_count(iter)) {
		kaddr = filemap_get_cached(iocb, &bytes);
		if (!kaddr)
			break;
		/* copy_page_to_iter -> copyout: may fault */
		if (copy_to_user(iter_user_addr(iter), kaddr, bytes)) { /* expect LO001: gfs2_glock -> mm_struct.mmap_lock */
			copied = copied ? copied : -EFAULT;
			break;
		}
		iov_iter_advance(iter, bytes);
		copied += bytes;
	}
	return copied ? copied : already_read;
}

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	if (!iov_iter_count(iter))
		return 0;
	return filemap_read(iocb, iter, 0);
}

/* fs/gfs2/file.c */
static vm_fault_t gfs2_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct gfs2_inode *ip = GFS2_I(inode);
	struct gfs2_holder gh;
	vm_fault_t ret;
	int err;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	err = gfs2_glock_nq(&gh); /* expect LO002: gfs2_glock */
	if (err) {
		ret = block_page_mkwrite_return(err);
		goto out_uninit;
	}
	ret = filemap_fault(vmf);
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return ret;
}

static ssize_t gfs2_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct gfs2_inode *ip;
	struct gfs2_holder gh;
	ssize_t ret;

	if (iocb->ki_flags & IOCB_DIRECT)
		return gfs2_file_direct_read(iocb, to, &gh);

	ip = GFS2_I(iocb->ki_filp->f_mapping->host);
	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	ret = gfs2_glock_nq(&gh);
	if (ret)
		goto out_uninit;
	ret = generic_file_read_iter(iocb, to);
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return ret;
}

static const struct file_operations gfs2_file_fops = {
	.read_iter	= gfs2_file_read_iter,
};

static const struct vm_operations_struct gfs2_vm_ops = {
	.fault		= gfs2_fault,
};
