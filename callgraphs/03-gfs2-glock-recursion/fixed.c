/*
 * S3 fixed: Linus's suggestion in seed 001 ("no recursion in the first
 * place"), as gfs2_file_read_iter does it since 5.16.
 *
 * The copy to user space runs with page faults disabled while the glock is
 * held (pagefault_disable() is a per-task state: it covers the copy_to_user
 * deep inside filemap_read).  On a short copy the glock is dropped, the user
 * pages are faulted in with fault_in_iov_iter_writeable (nothing held), and
 * the read is retried.  What is left is mm_struct.mmap_lock -> gfs2_glock
 * (gfs2_fault); nothing is taken under the glock that can fault.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned int vm_fault_t;
typedef _Bool bool;

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
		/* copy_page_to_iter -> copyout: may fault; short copy when faults are disabled */
		if (copy_to_user(iter_user_addr(iter), kaddr, bytes)) {
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
	err = gfs2_glock_nq(&gh);
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

static bool should_fault_in_pages(struct iov_iter *i, struct kiocb *iocb,
				  size_t *prev_count, size_t *window_size)
{
	size_t count = iov_iter_count(i);

	if (!count || *prev_count == count)
		return false;
	*prev_count = count;
	*window_size = count;
	return true;
}

static ssize_t gfs2_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct gfs2_inode *ip;
	struct gfs2_holder gh;
	size_t prev_count = 0, window_size = 0;
	size_t read = 0;
	ssize_t ret;

	if (iocb->ki_flags & IOCB_DIRECT)
		return gfs2_file_direct_read(iocb, to, &gh);

	ip = GFS2_I(iocb->ki_filp->f_mapping->host);
	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
retry:
	ret = gfs2_glock_nq(&gh);
	if (ret)
		goto out_uninit;
	pagefault_disable();
	ret = generic_file_read_iter(iocb, to);
	pagefault_enable();
	if (ret <= 0 && ret != -EFAULT)
		goto out_unlock;
	if (ret > 0)
		read += ret;

	if (should_fault_in_pages(to, iocb, &prev_count, &window_size)) {
		/* short copy: drop the glock, fault the buffer in, retry */
		gfs2_glock_dq(&gh);
		window_size -= fault_in_iov_iter_writeable(to, window_size);
		if (window_size)
			goto retry;
		goto out_uninit;
	}
out_unlock:
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return read ? read : ret;
}

static const struct file_operations gfs2_file_fops = {
	.read_iter	= gfs2_file_read_iter,
};

static const struct vm_operations_struct gfs2_vm_ops = {
	.fault		= gfs2_fault,
};
