/*
 * S4 fixed: no fault while a page-cache lock is held.  Seed 004 leaves the
 * real fix open (faults_disabled_mapping only removes the AA case); this is
 * the scheme gfs2 adopted for the same problem in 5.16 (iov_iter nofault,
 * Andreas Gruenbacher), applied to bcachefs's DIO write.
 *
 * bch2_dio_write_loop pins the user pages with page faults disabled
 * (pagefault_disable() covers get_user_pages deep in
 * bio_iov_iter_get_pages: it only takes pages that are present, like
 * get_user_pages_fast_only).  On -EFAULT it drops the page-cache lock,
 * faults the buffer in with fault_in_iov_iter_readable while holding only
 * inode_lock, retakes the page-cache lock and retries.  A fault, and with it
 * bch2_page_fault's bch2_pagecache_add_get, never runs under a page-cache
 * lock, so neither the AA nor the AB-BA of two files exists, and the
 * faults_disabled_mapping bail-out is no longer needed.
 * What is left: mm_struct.mmap_lock -> bch_inode_info.ei_pagecache_lock
 * (every fault), inode.i_rwsem -> mm_struct.mmap_lock (fault-in under
 * inode_lock), inode.i_rwsem -> bch_inode_info.ei_pagecache_lock.  No cycle.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned int vm_fault_t;

struct rw_semaphore { long count; };
struct pagecache_lock { long v; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct address_space { struct inode *host; };
struct inode {
	struct rw_semaphore i_rwsem;
	struct address_space *i_mapping;
	loff_t i_size;
};
struct bch_inode_info {
	struct inode v;
	struct pagecache_lock ei_pagecache_lock;
};
struct file { struct address_space *f_mapping; struct inode *f_inode; };
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };
struct iov_iter { size_t count; };
struct page { unsigned long flags; };
struct bio { unsigned int bi_vcnt; struct page **bi_pages; };
struct dio_write {
	struct kiocb *req;
	struct address_space *mapping;
	struct bch_inode_info *inode;
	struct iov_iter iter;
	struct bio op_bio;
};
struct vm_area_struct { struct file *vm_file; struct mm_struct *vm_mm; };
struct vm_fault { struct vm_area_struct *vma; unsigned int flags; };
struct file_operations {
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
};
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *);
};

/* block/bio.c: pin the user pages of a DIO */
int bio_iov_iter_get_pages(struct bio *bio, struct iov_iter *iter)
{
	size_t offset;
	ssize_t size;

	/* get_user_pages_fast() underneath: faults the pages in if needed */
	size = iov_iter_get_pages2(iter, bio->bi_pages, iov_iter_count(iter),
				   bio->bi_vcnt, &offset);
	if (size < 0)
		return size;
	return 0;
}

/* fs/bcachefs/fs-io.c: the page fault side */
static vm_fault_t bch2_page_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct bch_inode_info *inode = to_bch_ei(file_inode(file));
	vm_fault_t ret;

	bch2_pagecache_add_get(&inode->ei_pagecache_lock);
	ret = filemap_fault(vmf);
	bch2_pagecache_add_put(&inode->ei_pagecache_lock);
	return ret;
}

static const struct vm_operations_struct bch_vm_ops = {
	.fault		= bch2_page_fault,
};

/* fs/bcachefs/fs-io.c: the O_DIRECT write side */
static long bch2_dio_write_loop(struct dio_write *dio)
{
	struct bio *bio = &dio->op_bio;
	long ret;

	while (1) {
		/* only pages that are present: a fault here would take a page-cache lock */
		pagefault_disable();
		ret = bio_iov_iter_get_pages(bio, &dio->iter);
		pagefault_enable();
		if (ret < 0)
			return ret;	/* -EFAULT: the caller faults the buffer in and retries */

		bch2_write_bio(dio, bio);
		if (!iov_iter_count(&dio->iter))
			break;
	}
	return 0;
}

static ssize_t bch2_direct_write(struct kiocb *req, struct iov_iter *iter)
{
	struct file *file = req->ki_filp;
	struct bch_inode_info *inode = to_bch_ei(file_inode(file));
	struct dio_write *dio;
	ssize_t ret;

	inode_lock(&inode->v);
	ret = generic_write_checks(req, iter);
	if (ret <= 0)
		goto err;

	dio = bch2_dio_write_alloc(req, iter);
	dio->mapping = file->f_mapping;
	dio->inode = inode;
retry:
	bch2_pagecache_block_get(&inode->ei_pagecache_lock);
	ret = write_invalidate_inode_pages_range(file->f_mapping, req->ki_pos,
						 req->ki_pos + iter->count - 1);
	if (ret < 0)
		goto err_put_block;

	ret = bch2_dio_write_loop(dio);
	if (ret == -EFAULT && iov_iter_count(&dio->iter)) {
		/* no page-cache lock held: faulting here is safe */
		bch2_pagecache_block_put(&inode->ei_pagecache_lock);
		if (fault_in_iov_iter_readable(&dio->iter, iov_iter_count(&dio->iter)) ==
		    iov_iter_count(&dio->iter))
			goto err;
		goto retry;
	}
err_put_block:
	bch2_pagecache_block_put(&inode->ei_pagecache_lock);
err:
	inode_unlock(&inode->v);
	return ret;
}

static ssize_t bch2_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	if (iocb->ki_flags & IOCB_DIRECT)
		return bch2_direct_write(iocb, from);
	return bch2_buffered_write(iocb, from);
}

static const struct file_operations bch_file_operations = {
	.write_iter	= bch2_write_iter,
};
