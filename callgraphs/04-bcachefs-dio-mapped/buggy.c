/*
 * S4 buggy: bcachefs O_DIRECT write from a buffer that is an mmap of a
 * bcachefs file (seed 004, "sched: Add task_struct->faults_disabled_mapping").
 *
 * DIO write to file A: bch2_write_iter -> bch2_direct_write: inode_lock,
 *   bch2_pagecache_block_get(&A->ei_pagecache_lock) (no folio may be added
 *   to A's page cache while the write bypasses it), then
 *   bch2_dio_write_loop -> bio_iov_iter_get_pages -> iov_iter_get_pages2,
 *   i.e. get_user_pages on the user buffer: may fault.
 * The buffer is an mmap of file B: page fault: mmap_lock (r)
 *   -> bch_vm_ops.fault = bch2_page_fault
 *   -> bch2_pagecache_add_get(&B->ei_pagecache_lock).
 * faults_disabled_mapping: the DIO sets current->faults_disabled_mapping to
 *   A's mapping around get_user_pages, and bch2_page_fault bails out with
 *   SIGBUS when the fault is on that very mapping.  That removes the AA case
 *   (buffer mapped from A itself) but not AB-BA: DIO to A from a mapping of
 *   B, and at the same time DIO to B from a mapping of A (Jan Kara).
 *
 * The page-cache lock is bcachefs's own two-state lock, declared in
 * lockorder.yaml.  A and B are two instances of one class,
 * bch_inode_info.ei_pagecache_lock, so the AB-BA is what lockdep calls
 * "possible recursive locking" and what lockorder reports as LO002.
 *
 * Must report:
 *   LO002 bch_inode_info.ei_pagecache_lock: the fault takes a page-cache
 *         lock while the DIO holds one (two instances; the static analysis
 *         cannot evaluate the faults_disabled_mapping test, and for two
 *         files it does not help anyway).
 *   LO001 bch_inode_info.ei_pagecache_lock -> mm_struct.mmap_lock: the DIO
 *         holds the page-cache lock into get_user_pages (mmap_lock r), every
 *         fault takes a page-cache lock under mmap_lock; with an mmap writer
 *         queued (munmap) this deadlocks even without a second DIO, Kent's
 *         "it's a lock ordering deadlock in general".
 * filemap_fault is not defined here: the lock model's stand-in takes the
 * mapping's invalidate_lock (r), which adds edges but no cycle.
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
struct task_struct { struct address_space *faults_disabled_mapping; };
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
	struct address_space *fdm = current->faults_disabled_mapping;
	struct bch_inode_info *inode = to_bch_ei(file_inode(file));
	vm_fault_t ret;

	/* a DIO to this very mapping holds its page-cache lock: don't deadlock on it */
	if (fdm == mapping)
		return VM_FAULT_SIGBUS;

	bch2_pagecache_add_get(&inode->ei_pagecache_lock); /* expect LO002: bch_inode_info.ei_pagecache_lock */
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
		current->faults_disabled_mapping = dio->mapping;
		ret = bio_iov_iter_get_pages(bio, &dio->iter); /* expect LO001: bch_inode_info.ei_pagecache_lock -> mm_struct.mmap_lock */
		current->faults_disabled_mapping = NULL;
		if (ret < 0)
			return ret;

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

	bch2_pagecache_block_get(&inode->ei_pagecache_lock);
	ret = write_invalidate_inode_pages_range(file->f_mapping, req->ki_pos,
						 req->ki_pos + iter->count - 1);
	if (ret < 0)
		goto err_put_block;

	dio = bch2_dio_write_alloc(req, iter);
	dio->mapping = file->f_mapping;
	dio->inode = inode;
	ret = bch2_dio_write_loop(dio);
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
