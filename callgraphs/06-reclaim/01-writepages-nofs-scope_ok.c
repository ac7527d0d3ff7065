/*
 * S6-01 ok (scope): the DIO path runs in a memalloc_nofs_save() scope
 * (seed 002; Documentation/core-api/gfp_mask-from-fs-io.rst: "the
 * recommended way ... is to mark the whole scope").
 *
 * ext4_writepages still takes inode_lock, so reclaim orders
 * fs_reclaim -> inode.i_rwsem.  ext4_dio_write_iter marks everything it
 * does under inode_lock as NOFS: memalloc_nofs_save() before iomap_dio_rw,
 * memalloc_nofs_restore() after.  The GFP_KERNEL kmalloc deep in
 * __iomap_dio_rw is then implicitly GFP_NOFS (current_gfp_context()), so it
 * never takes fs_reclaim.  No edge inode.i_rwsem -> fs_reclaim, no cycle.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;

struct rw_semaphore { long count; };
struct writeback_control { long nr_to_write; int sync_mode; };
struct address_space_operations {
	int (*writepages)(struct address_space *, struct writeback_control *);
};
struct address_space {
	struct inode *host;
	const struct address_space_operations *a_ops;
};
struct inode {
	struct rw_semaphore i_rwsem;
	struct address_space *i_mapping;
	loff_t i_size;
};
struct file { struct address_space *f_mapping; struct inode *f_inode; };
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };
struct iov_iter { size_t count; };
struct iomap_dio { struct kiocb *iocb; loff_t size; };
struct file_operations {
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
};

/* fs/ext4/inode.c: writeback, with the inline-data copy the thread discusses */
static int ext4_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	struct inode *inode = mapping->host;
	int ret;

	if (ext4_has_inline_data(inode)) {
		/* i_size must be stable to decide whether the data stays inline */
		inode_lock(inode);
		ret = ext4_write_inline_data_from_folios(inode, mapping, wbc);
		inode_unlock(inode);
		return ret;
	}
	return ext4_do_writepages(mapping, wbc);
}

static const struct address_space_operations ext4_aops = {
	.writepages	= ext4_writepages,
};

/* fs/iomap/direct-io.c */
static struct iomap_dio *__iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter)
{
	struct iomap_dio *dio;

	if (!iov_iter_count(iter))
		return NULL;

	dio = kmalloc(sizeof(*dio), GFP_KERNEL);
	if (!dio)
		return ERR_PTR(-ENOMEM);
	dio->iocb = iocb;
	dio->size = 0;
	return dio;
}

static ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter)
{
	struct iomap_dio *dio;

	dio = __iomap_dio_rw(iocb, iter);
	if (IS_ERR_OR_NULL(dio))
		return PTR_ERR_OR_ZERO(dio);
	return iomap_dio_complete(dio);
}

/* fs/ext4/file.c */
static ssize_t ext4_dio_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	unsigned int nofs_flag;
	ssize_t ret;

	inode_lock(inode);
	ret = ext4_dio_write_checks(iocb, from);
	if (ret <= 0)
		goto out;
	/* nothing under i_rwsem may recurse into fs reclaim */
	nofs_flag = memalloc_nofs_save();
	ret = iomap_dio_rw(iocb, from);
	memalloc_nofs_restore(nofs_flag);
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
