/*
 * S5 fixed: iomap_write_iter as in 6.1 (seed 001: "iomap_file_buffered_write()
 * does that by using iov_iter_fault_in_readable() and
 * iov_iter_copy_from_user_atomic()").
 *
 * fault_in_iov_iter_readable runs before iomap_write_begin locks the folio,
 * and the copy under the folio lock is copy_page_from_iter_atomic, which
 * cannot fault (a short copy is retried with a smaller chunk).
 * Edges left: inode.i_rwsem -> mm_struct.mmap_lock (fault-in under
 * inode_lock), inode.i_rwsem -> PG_locked, mm_struct.mmap_lock -> PG_locked.
 * No edge PG_locked -> mm_struct.mmap_lock, so no cycle.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned int vm_fault_t;

struct folio { unsigned long flags; };
struct page { unsigned long flags; };
struct address_space { struct inode *host; };
struct rw_semaphore { long count; };
struct inode { struct rw_semaphore i_rwsem; struct address_space *i_mapping; loff_t i_size; };
struct file { struct address_space *f_mapping; };
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };
struct iov_iter { size_t count; };
struct iomap_iter { struct inode *inode; loff_t pos; loff_t len; loff_t processed; };
struct vm_area_struct { struct file *vm_file; };
struct vm_fault { struct vm_area_struct *vma; unsigned long pgoff; };
struct file_operations {
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
};
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *);
};

/* mm/filemap.c: read fault, the folio is locked to check it is uptodate */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	struct folio *folio;
	vm_fault_t ret = 0;

	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (!folio)
		return VM_FAULT_SIGBUS;
	folio_lock(folio);
	if (!folio_test_uptodate(folio))
		ret = VM_FAULT_SIGBUS;
	folio_unlock(folio);
	return ret;
}

/* fs/iomap/buffered-io.c */
static int iomap_write_begin(struct iomap_iter *iter, loff_t pos, size_t len,
			     struct folio **foliop)
{
	struct folio *folio;

	folio = __filemap_get_folio(iter->inode->i_mapping, pos >> PAGE_SHIFT,
				    FGP_WRITE | FGP_CREAT, 0);
	if (!folio)
		return -ENOMEM;
	folio_lock(folio);	/* FGP_LOCK: held until iomap_write_end */
	*foliop = folio;
	return 0;
}

static size_t iomap_write_end(struct iomap_iter *iter, loff_t pos, size_t len,
			      size_t copied, struct folio *folio)
{
	if (copied)
		folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return copied;
}

static loff_t iomap_write_iter(struct iomap_iter *iter, struct iov_iter *i)
{
	loff_t pos = iter->pos;
	ssize_t written = 0;
	long status = 0;

	do {
		struct folio *folio;
		size_t offset, bytes, copied;

		offset = pos & (PAGE_SIZE - 1);
		bytes = PAGE_SIZE - offset;
		if (bytes > iov_iter_count(i))
			bytes = iov_iter_count(i);

again:
		/*
		 * Bring in the user page before locking the folio: faulting on
		 * it with the folio locked could take the same folio lock.
		 */
		if (fault_in_iov_iter_readable(i, bytes) == bytes) {
			status = -EFAULT;
			break;
		}

		status = iomap_write_begin(iter, pos, bytes, &folio);
		if (status)
			break;

		copied = copy_page_from_iter_atomic(folio_page(folio, 0), offset, bytes, i);

		status = iomap_write_end(iter, pos, bytes, copied, folio);
		if (!status) {
			/* short atomic copy: retry a single segment */
			bytes = iov_iter_single_seg_count(i);
			goto again;
		}
		pos += status;
		written += status;
	} while (iov_iter_count(i));

	return written ? written : status;
}

ssize_t iomap_file_buffered_write(struct kiocb *iocb, struct iov_iter *i)
{
	struct iomap_iter iter;
	int ret;

	iter.inode = iocb->ki_filp->f_mapping->host;
	iter.pos = iocb->ki_pos;
	iter.len = iov_iter_count(i);
	while ((ret = iomap_iter(&iter)) > 0)
		iter.processed = iomap_write_iter(&iter, i);
	if (iter.pos == iocb->ki_pos)
		return ret;
	return iter.pos - iocb->ki_pos;
}

/* fs/zonefs/super.c */
static ssize_t zonefs_file_buffered_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	if (iocb->ki_flags & IOCB_NOWAIT)
		return -EOPNOTSUPP;

	inode_lock(inode);
	ret = zonefs_write_checks(iocb, from);
	if (ret <= 0)
		goto out_unlock;

	ret = iomap_file_buffered_write(iocb, from);
	if (ret > 0)
		iocb->ki_pos += ret;
out_unlock:
	inode_unlock(inode);
	return ret;
}

static ssize_t zonefs_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	if (iocb->ki_flags & IOCB_DIRECT)
		return zonefs_file_dio_write(iocb, from);
	return zonefs_file_buffered_write(iocb, from);
}

static const struct file_operations zonefs_file_operations = {
	.write_iter	= zonefs_file_write_iter,
};

static const struct vm_operations_struct zonefs_file_vm_ops = {
	.fault		= filemap_fault,
};
