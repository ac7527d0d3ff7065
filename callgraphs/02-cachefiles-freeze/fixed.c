/*
 * S2 fixed: setxattr copies the name and value from user space before
 * mnt_want_write (seeds 000 and 003; the fix merged as "vfs: Fix potential
 * circular locking through setxattr() and removexattr()").
 *
 * path_setxattr: setxattr_copy (strncpy_from_user, vmemdup_user: may fault,
 * nothing held) -> user_path_at -> mnt_want_write -> do_setxattr.  No edge
 * sb_writers -> mm_struct.mmap_lock any more, and no fault under sb_writers.
 *
 * What is left in this program:
 *   mm_struct.mmap_lock -> address_space.invalidate_lock -> sb_writers
 *       (the afs fault reads through cachefiles into fs B)
 *   address_space.invalidate_lock (W) -> sb_writers  (filemap_invalidate_inode)
 *   sb_writers.rw_sem -> super_block.s_umount        (freeze_super; see buggy.c
 *       on the class name of the freeze level)
 * Nothing orders sb_writers before mmap_lock or invalidate_lock: no cycle.
 * The cachefiles chain is not fixed by this, it is only not closed here:
 * any path that holds fs B's sb_writers into a fault closes it again.
 * Jan Kara's example in seed 003 is write(2) on fs B (vfs_write:
 * file_start_write -> generic_perform_write -> fault_in_iov_iter_readable);
 * per-type-same-fs.c closes it with ext4's EXT4_IOC_SETVERSION ioctl.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
typedef long long loff_t;
typedef unsigned long pgoff_t;
typedef unsigned int vm_fault_t;

struct rw_semaphore { long count; };
struct percpu_rw_semaphore { long count; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct sb_writers {
	int frozen;
	struct percpu_rw_semaphore rw_sem[3];
};
struct super_block {
	struct rw_semaphore s_umount;
	struct sb_writers s_writers;
};
struct vfsmount { struct super_block *mnt_sb; };
struct dentry { struct inode *d_inode; };
struct path { struct vfsmount *mnt; struct dentry *dentry; };
struct folio { unsigned long flags; };
struct writeback_control { long nr_to_write; int sync_mode; loff_t range_start; loff_t range_end; };
struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
	int (*writepages)(struct address_space *, struct writeback_control *);
};
struct address_space {
	struct inode *host;
	const struct address_space_operations *a_ops;
	struct rw_semaphore invalidate_lock;
	unsigned long nrpages;
};
struct inode {
	struct super_block *i_sb;
	struct address_space *i_mapping;
};
struct file {
	struct address_space *f_mapping;
	struct inode *f_inode;
};
struct vm_area_struct { struct file *vm_file; struct mm_struct *vm_mm; };
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags;
	pgoff_t pgoff;
	unsigned int gfp_mask;
};
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *);
};
struct xattr_name { char name[256]; };
struct xattr_ctx {
	const char *cvalue;
	void *kvalue;
	size_t size;
	struct xattr_name *kname;
	unsigned int flags;
};

/* fscache / netfs / cachefiles */
struct fscache_cookie;
struct cachefiles_object { struct file *file; struct dentry *dentry; };
struct fscache_cache_ops {
	void (*prepare_to_write)(struct fscache_cookie *cookie);
};
struct fscache_cache { const struct fscache_cache_ops *ops; };
struct fscache_volume { struct fscache_cache *cache; };
struct fscache_cookie {
	struct fscache_volume *volume;
	struct cachefiles_object *cache_priv;
	unsigned long flags;
};
struct netfs_io_subrequest;
struct netfs_cache_ops {
	void (*issue_write)(struct netfs_io_subrequest *subreq);
};
struct netfs_cache_resources {
	const struct netfs_cache_ops *ops;
	struct cachefiles_object *cache_priv;
	struct file *cache_priv2;
};
struct netfs_io_request {
	struct netfs_cache_resources cache_resources;
	struct fscache_cookie *cookie;
};
struct netfs_io_subrequest {
	struct netfs_io_request *rreq;
	loff_t start;
	size_t len;
	struct iov_iter *io_iter;
};
struct iov_iter { size_t count; };
struct kiocb { struct file *ki_filp; loff_t ki_pos; int ki_flags; };

/* ---- fs/cachefiles: the cache lives on fs B ---- */

/* fs/cachefiles/xattr.c: mark the cache object in use, on the backing file */
int cachefiles_set_object_xattr(struct cachefiles_object *object)
{
	struct file *file = object->file;
	int ret;

	ret = mnt_want_write_file(file);
	if (ret == 0) {
		ret = vfs_setxattr(&init_user_ns, object->dentry, cachefiles_xattr_cache,
				   object, sizeof(*object), 0);
		mnt_drop_write_file(file);
	}
	return ret;
}

static void cachefiles_prepare_to_write(struct fscache_cookie *cookie)
{
	struct cachefiles_object *object = cookie->cache_priv;

	cachefiles_set_object_xattr(object);
}

static const struct fscache_cache_ops cachefiles_cache_ops = {
	.prepare_to_write	= cachefiles_prepare_to_write,
};

/* fs/cachefiles/io.c: write data to the cache file */
int __cachefiles_write(struct cachefiles_object *object, struct file *file,
		       loff_t start_pos, struct iov_iter *iter)
{
	struct inode *inode = file_inode(file);
	struct kiocb iocb;
	ssize_t ret;

	iocb.ki_filp = file;
	iocb.ki_pos = start_pos;
	iocb.ki_flags = IOCB_DIRECT | IOCB_WRITE;

	/* kiocb_start_write(): freeze protection of the cache's file system */
	sb_start_write(inode->i_sb);
	ret = vfs_iocb_iter_write(file, &iocb, iter);
	sb_end_write(inode->i_sb);	/* the kernel releases it on completion */
	return ret;
}

static void cachefiles_issue_write(struct netfs_io_subrequest *subreq)
{
	struct netfs_cache_resources *cres = &subreq->rreq->cache_resources;

	__cachefiles_write(cres->cache_priv, cres->cache_priv2, subreq->start,
			   subreq->io_iter);
}

static const struct netfs_cache_ops cachefiles_netfs_cache_ops = {
	.issue_write	= cachefiles_issue_write,
};

/* ---- fs/fscache, fs/netfs ---- */

/* fs/fscache/cookie.c: the object is marked dirty before data goes to the cache */
static void fscache_prepare_to_write(struct fscache_cookie *cookie)
{
	cookie->volume->cache->ops->prepare_to_write(cookie);
}

static int fscache_begin_read_operation(struct netfs_cache_resources *cres,
					struct fscache_cookie *cookie)
{
	if (test_and_clear_bit(FSCACHE_COOKIE_DO_PREP_TO_WRITE, &cookie->flags))
		fscache_prepare_to_write(cookie);
	return 0;
}

/* fs/netfs/buffered_read.c: afs_file_aops.read_folio */
int netfs_read_folio(struct file *file, struct folio *folio)
{
	struct netfs_io_request *rreq;
	int ret;

	rreq = netfs_alloc_request(folio_file_mapping(folio), file,
				   folio_file_pos(folio), folio_size(folio));
	if (IS_ERR(rreq))
		return PTR_ERR(rreq);
	ret = fscache_begin_read_operation(&rreq->cache_resources, rreq->cookie);
	if (ret < 0)
		return ret;
	return netfs_begin_read(rreq, true);
}

/* fs/netfs/write_issue.c: afs_writepages -> netfs_writepages */
int netfs_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	struct netfs_io_subrequest *subreq;

	subreq = netfs_create_write_req(mapping, wbc);
	if (!subreq)
		return -ENOMEM;
	/* copy the dirty data to the cache */
	subreq->rreq->cache_resources.ops->issue_write(subreq);
	return 0;
}

/* ---- fs/afs ---- */

static int afs_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	return netfs_writepages(mapping, wbc);
}

/* ---- mm/filemap.c ---- */

/* drop mmap_lock for I/O, but only if the fault may be retried */
static struct file *maybe_unlock_mmap_for_io(struct vm_fault *vmf, struct file *fpin)
{
	unsigned int flags = vmf->flags;

	if (fpin)
		return fpin;
	if ((flags & (FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_RETRY_NOWAIT)) == FAULT_FLAG_ALLOW_RETRY) {
		fpin = get_file(vmf->vma->vm_file);
		mmap_read_unlock(vmf->vma->vm_mm);
	}
	return fpin;
}

vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct file *fpin = NULL;
	struct folio *folio;
	int error;

	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (folio && folio_test_uptodate(folio))
		return VM_FAULT_LOCKED;

	/* see filemap_create_folio(): truncation must not race with the read */
	filemap_invalidate_lock_shared(mapping);
	if (!folio)
		folio = __filemap_get_folio(mapping, vmf->pgoff, FGP_CREAT | FGP_FOR_MMAP,
					    vmf->gfp_mask);
	if (!folio) {
		filemap_invalidate_unlock_shared(mapping);
		return VM_FAULT_OOM;
	}
	fpin = maybe_unlock_mmap_for_io(vmf, fpin);
	/* filemap_read_folio(file, mapping->a_ops->read_folio, folio) */
	error = mapping->a_ops->read_folio(file, folio);
	filemap_invalidate_unlock_shared(mapping);
	folio_put(folio);
	if (fpin) {
		fput(fpin);
		return VM_FAULT_RETRY;
	}
	return error ? VM_FAULT_SIGBUS : VM_FAULT_LOCKED;
}

int do_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	if (mapping->a_ops->writepages)
		return mapping->a_ops->writepages(mapping, wbc);
	return 0;
}

int filemap_fdatawrite_wbc(struct address_space *mapping, struct writeback_control *wbc)
{
	if (!mapping->nrpages)
		return 0;
	return do_writepages(mapping, wbc);
}

/* write back and drop the page cache of a netfs inode (fs A) */
int filemap_invalidate_inode(struct inode *inode, bool flush, loff_t start, loff_t end)
{
	struct address_space *mapping = inode->i_mapping;
	struct writeback_control wbc;

	filemap_invalidate_lock(mapping);
	if (!mapping->nrpages)
		goto unlock;
	unmap_mapping_pages(mapping, start >> PAGE_SHIFT, end >> PAGE_SHIFT, false);
	if (flush) {
		wbc.sync_mode = WB_SYNC_ALL;
		wbc.nr_to_write = LONG_MAX;
		wbc.range_start = start;
		wbc.range_end = end;
		filemap_fdatawrite_wbc(mapping, &wbc);
	}
	invalidate_inode_pages2_range(mapping, start >> PAGE_SHIFT, end >> PAGE_SHIFT);
unlock:
	filemap_invalidate_unlock(mapping);
	return 0;
}

/* ---- fs/afs/file.c ---- */

static const struct address_space_operations afs_file_aops = {
	.read_folio	= netfs_read_folio,
	.writepages	= afs_writepages,
};

static const struct vm_operations_struct afs_vm_ops = {
	.fault		= filemap_fault,
};

/* ---- fs/xattr.c ---- */

static int setxattr_copy(const char *name, struct xattr_ctx *ctx)
{
	int error;

	error = strncpy_from_user(ctx->kname->name, name, sizeof(ctx->kname->name));
	if (error == 0 || error == sizeof(ctx->kname->name))
		return -ERANGE;
	if (error < 0)
		return error;

	error = 0;
	if (ctx->size) {
		ctx->kvalue = vmemdup_user(ctx->cvalue, ctx->size);
		if (IS_ERR(ctx->kvalue)) {
			error = PTR_ERR(ctx->kvalue);
			ctx->kvalue = NULL;
		}
	}
	return error;
}

static int do_setxattr(struct dentry *d, struct xattr_ctx *ctx)
{
	return vfs_setxattr(&init_user_ns, d, ctx->kname->name, ctx->kvalue, ctx->size,
			    ctx->flags);
}

static int path_setxattr(const char *pathname, const char *name, const void *value,
			 size_t size, int flags, unsigned int lookup_flags)
{
	struct xattr_name kname;
	struct xattr_ctx ctx;
	struct path path;
	int error;

	ctx.cvalue = value;
	ctx.kvalue = NULL;
	ctx.size = size;
	ctx.kname = &kname;
	ctx.flags = flags;

	/* copy from user memory first, with no lock held: a fault here is harmless */
	error = setxattr_copy(name, &ctx);
	if (error)
		return error;

	error = user_path_at(AT_FDCWD, pathname, lookup_flags, &path);
	if (error)
		goto out;
	error = mnt_want_write(path.mnt);
	if (!error) {
		error = do_setxattr(path.dentry, &ctx);
		mnt_drop_write(path.mnt);
	}
	path_put(&path);
out:
	kvfree(ctx.kvalue);
	return error;
}

/* ---- fs/super.c: freeze_super, the waiting writer ---- */

static void sb_wait_write(struct super_block *sb, int level)
{
	percpu_down_write(&sb->s_writers.rw_sem[level - 1]);
}

int freeze_super(struct super_block *sb)
{
	down_write(&sb->s_umount);
	if (sb->s_writers.frozen != SB_UNFROZEN) {
		up_write(&sb->s_umount);
		return -EBUSY;
	}
	sb->s_writers.frozen = SB_FREEZE_WRITE;
	/* Release s_umount to preserve sb_start_write -> s_umount ordering */
	up_write(&sb->s_umount);
	sb_wait_write(sb, SB_FREEZE_WRITE);
	down_write(&sb->s_umount);
	sb->s_writers.frozen = SB_FREEZE_COMPLETE;
	up_write(&sb->s_umount);
	return 0;
}
