/*
 * S6-01 bad: inode_lock in ->writepages makes i_rwsem "fs_reclaim unsafe"
 * (seed 002, Jan Kara on moving the inline-data conversion to writeback:
 * "The problem is that in ->writepages() i_size is not stable ... We'd need
 * inode_lock for that but that is not easily doable in the writeback path -
 * inode lock would then become fs_reclaim unsafe").
 *
 * Reclaim: kswapd or direct reclaim holds lockdep's fs_reclaim pseudo-lock
 *   while it writes back dirty pages: ext4_aops.writepages = ext4_writepages
 *   -> inode_lock (the hypothetical inline-data copy of the thread).
 *   Edge fs_reclaim -> inode.i_rwsem.
 * O_DIRECT write(2): ext4_file_write_iter -> ext4_dio_write_iter: inode_lock
 *   -> iomap_dio_rw -> __iomap_dio_rw: kmalloc(sizeof(*dio), GFP_KERNEL),
 *   which may enter fs reclaim.  Edge inode.i_rwsem -> fs_reclaim.
 * A GFP_KERNEL allocation under i_rwsem is everywhere in the VFS (this one
 * is the real 6.1 code), which is why no reclaim path may take i_rwsem.
 *
 * Must report:
 *   LO001 inode.i_rwsem -> fs_reclaim: the allocation's reclaim may write
 *         back an inode whose i_rwsem another task, or this one, holds.
 * The fixed twins keep ext4_writepages as it is and take fs reclaim out of
 * the allocation: GFP_NOFS (01-writepages-gfp-nofs_ok.c) or a
 * memalloc_nofs_save() scope (01-writepages-nofs-scope_ok.c).
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

	dio = kmalloc(sizeof(*dio), GFP_KERNEL); /* expect LO001: inode.i_rwsem -> fs_reclaim */
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
	ssize_t ret;

	inode_lock(inode);
	ret = ext4_dio_write_checks(iocb, from);
	if (ret <= 0)
		goto out;
	ret = iomap_dio_rw(iocb, from);
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
