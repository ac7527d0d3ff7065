/*
 * S1 variant "retry": ext4_page_mkwrite escapes through VM_FAULT_RETRY, but
 * only when the fault allows it (seed 002: Baokun Li's proposal and Jan
 * Kara's answer, "VM_FAULT_RETRY is not always an option - in particular the
 * caller has to set FAULT_FLAG_ALLOW_RETRY ... There are callers (most
 * notably some get_user_pages() users) that don't set FAULT_FLAG_ALLOW_RETRY").
 *
 * ext4_page_mkwrite on an inline-data inode:
 *   - vmf->flags & FAULT_FLAG_ALLOW_RETRY: mmap_read_unlock, convert under
 *     inode_lock with nothing else held, return VM_FAULT_RETRY.  No edge
 *     mmap_lock -> i_rwsem on this path (the lock is dropped first).
 *   - flag clear: the conversion runs under mmap_lock, as before.  Edge
 *     mm_struct.mmap_lock -> inode.i_rwsem.  This is the fault that
 *     get_user_pages_remote() enters for __access_remote_vm (ptrace,
 *     /proc/pid/mem): it passes locked == NULL, so faultin_page() sets no
 *     FAULT_FLAG_ALLOW_RETRY.
 * The page-fault handler is the lock model's (mmap_lock (r), then every
 * vm_operations_struct.page_mkwrite); it stands for every fault, whoever
 * raised it, and the analysis does not know the flag's value, so both
 * branches are paths of it.
 *
 * Must report:
 *   LO001 inode.i_rwsem -> mm_struct.mmap_lock: still a cycle; its
 *         mmap_lock -> i_rwsem witness goes through the flag-clear branch
 *         (the expectation sits on that branch's call, not on the
 *         inode_lock both branches share).
 *   LO002 inode.i_rwsem: write(2) from a shared mapping of the same file
 *         faults into ext4_page_mkwrite with i_rwsem held, on either branch.
 * Not reported: __access_remote_vm holds mmap_lock (r) around
 *   get_user_pages_remote, whose fault runs the handlers under the caller's
 *   mmap_lock (the linux profile's `lock_held: true`), not taking it again.
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned int vm_fault_t;

struct rw_semaphore { long count; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct super_block { unsigned long s_flags; };
struct address_space {
	struct inode *host;
	struct rw_semaphore invalidate_lock;
};
struct inode {
	struct rw_semaphore i_rwsem;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	loff_t i_size;
};
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };
struct iov_iter { size_t count; };
struct file_operations {
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
};
struct file {
	const struct file_operations *f_op;
	struct address_space *f_mapping;
	struct inode *f_inode;
};
struct page { unsigned long flags; };
struct vm_area_struct { struct file *vm_file; struct mm_struct *vm_mm; };
struct vm_fault { struct vm_area_struct *vma; unsigned int flags; };
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *);
	vm_fault_t (*page_mkwrite)(struct vm_fault *);
};

/* mm/filemap.c */
static ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i)
{
	ssize_t written = 0;
	size_t bytes;
	size_t copied;

	do {
		bytes = iov_iter_count(i);
		if (fault_in_iov_iter_readable(i, bytes) == bytes) { /* expect LO002: inode.i_rwsem */
			written = -EFAULT;
			break;
		}
		copied = copy_page_from_iter_atomic(NULL, 0, bytes, i);
		written += copied;
	} while (iov_iter_count(i));

	return written;
}

/* fs/ext4/inline.c: convert an inline-data inode to a block-mapped one */
static int ext4_convert_inline_data(struct inode *inode)
{
	int error;

	if (!ext4_has_inline_data(inode))
		return 0;

	inode_lock(inode);
	error = ext4_convert_inline_data_nolock(inode);
	inode_unlock(inode);
	return error;
}

/* fs/ext4/inode.c */
static vm_fault_t ext4_page_mkwrite(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct inode *inode = file_inode(vma->vm_file);
	struct address_space *mapping = inode->i_mapping;
	int err;
	vm_fault_t ret;

	if (ext4_has_inline_data(inode)) {
		if (vmf->flags & FAULT_FLAG_ALLOW_RETRY) {
			/* convert without mmap_lock, then let the fault be retried */
			mmap_read_unlock(vmf->vma->vm_mm);
			err = ext4_convert_inline_data(inode);
			return VM_FAULT_RETRY;
		}
		/* get_user_pages() without FAULT_FLAG_ALLOW_RETRY: mmap_lock stays held */
		err = ext4_convert_inline_data(inode); /* expect LO001: inode.i_rwsem -> mm_struct.mmap_lock */
		if (err)
			return block_page_mkwrite_return(err);
	}

	sb_start_pagefault(inode->i_sb);
	filemap_invalidate_lock_shared(mapping);
	err = block_page_mkwrite(vma, vmf, ext4_da_get_block_prep);
	ret = block_page_mkwrite_return(err);
	filemap_invalidate_unlock_shared(mapping);
	sb_end_pagefault(inode->i_sb);
	return ret;
}

/* fs/ext4/file.c */
static ssize_t ext4_buffered_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	if (iocb->ki_flags & IOCB_NOWAIT)
		return -EOPNOTSUPP;

	inode_lock(inode);
	ret = ext4_write_checks(iocb, from);
	if (ret <= 0)
		goto out;

	ret = generic_perform_write(iocb, from);
out:
	inode_unlock(inode);
	return ret;
}

static ssize_t ext4_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	if (iocb->ki_flags & IOCB_DIRECT)
		return ext4_dio_write_iter(iocb, from);
	return ext4_buffered_write_iter(iocb, from);
}

static const struct file_operations ext4_file_operations = {
	.write_iter	= ext4_file_write_iter,
};

static const struct vm_operations_struct ext4_file_vm_ops = {
	.fault		= filemap_fault,
	.page_mkwrite	= ext4_page_mkwrite,
};

/* fs/read_write.c: the ops-table call */
static ssize_t new_sync_write(struct file *filp, const char *buf, size_t len, loff_t *ppos)
{
	struct kiocb kiocb;
	struct iov_iter iter;

	init_sync_kiocb(&kiocb, filp);
	iov_iter_ubuf(&iter, ITER_SOURCE, buf, len);
	return filp->f_op->write_iter(&kiocb, &iter);
}

ssize_t vfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	file_start_write(file);
	if (file->f_op->write_iter)
		ret = new_sync_write(file, buf, count, pos);
	else
		ret = -EINVAL;
	file_end_write(file);
	return ret;
}

/* mm/memory.c: ptrace, /proc/pid/mem: a get_user_pages() user without FAULT_FLAG_ALLOW_RETRY */
int __access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		       int len, unsigned int gup_flags)
{
	struct page *page;
	int ret;

	if (mmap_read_lock_killable(mm))
		return 0;
	/* locked == NULL: faultin_page() sets no FAULT_FLAG_ALLOW_RETRY */
	ret = get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL, NULL);
	if (ret > 0)
		copy_from_page(page, addr, buf, len);
	mmap_read_unlock(mm);
	return ret;
}

/* mm/mmap.c: munmap(2), the waiting mmap writer */
int __vm_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, start, len, NULL);
	mmap_write_unlock(mm);
	return ret;
}
