/*
 * S2 per-type, same file system: the twin of per-type.c where the order
 * that closes the cachefiles chain is on the cache's own file system, as in
 * Jan Kara's answer in seed 003 ("this is actually a real problem and
 * deadlockable").
 *
 *   page fault on an afs mapping (fs A): mmap_lock (r) -> filemap_fault:
 *     invalidate_lock (r) -> netfs_read_folio -> fscache -> cachefiles ->
 *     mnt_want_write_file on the cache file, on ext4 (fs B).
 *   ext4 ioctl on fs B: EXT4_IOC_SETVERSION: mnt_want_write_file -> get_user
 *     (may fault) -> mmap_lock (r) (real 6.1 code; write(2) on fs B, Jan's
 *     example, orders them the same way).
 *
 * Class level (today) and per type the same deadlocks are reported; per
 * type they are on ext4's class, ext4_fs_type.s_writers_key, instead of
 * sb_writers:
 *   LO001 sb_writers -> mm_struct.mmap_lock
 *   LO001 address_space.invalidate_lock -> sb_writers
 *   LO001 address_space.invalidate_lock -> sb_writers -> mm_struct.mmap_lock
 *   LO002 sb_writers: the ioctl holds ext4's sb_writers into the fault that
 *         takes it again in cachefiles (with freeze_super of fs B waiting
 *         in between, the task waits for itself).
 * The class-level expectations are "expect"; the per-type ones are gaps
 * until the freeze-protection calls (fixed class sb_writers) are keyed by
 * lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1], ...) (issue
 * 3; see per-type.c); then the class-level lines are deleted and the gaps
 * become "expect".  Here all keyed code is on ext4 or about ext4's super
 * block, so even one key per directory (the first: cachefiles_add_cache's)
 * gives the intended classes.
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
struct lock_class_key { int dummy; };
struct file_system_type {
	const char *name;
	struct lock_class_key s_writers_key[3];
};
struct super_block {
	struct file_system_type *s_type;
	struct rw_semaphore s_umount;
	struct sb_writers s_writers;
};
struct vfsmount { struct super_block *mnt_sb; };
struct dentry { struct inode *d_inode; };
struct path { struct vfsmount *mnt; struct dentry *dentry; };
struct folio { unsigned long flags; };
struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
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
struct fs_context;

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
struct netfs_cache_resources {
	struct cachefiles_object *cache_priv;
	struct file *cache_priv2;
};
struct netfs_io_request {
	struct netfs_cache_resources cache_resources;
	struct fscache_cookie *cookie;
};
struct cachefiles_cache { struct vfsmount *mnt; };

static struct file_system_type ext4_fs_type = {
	.name		= "ext4",
};

/* ---- fs/cachefiles: the cache lives on fs B (ext4) ---- */

/*
 * fs/cachefiles/cache.c: bind to the cache directory.  The cache lives on
 * ext4 in this program; the key lockdep would take from the backing super
 * block's type at mount time is written down here.
 */
int cachefiles_add_cache(struct cachefiles_cache *cache)
{
	struct super_block *sb = cache->mnt->mnt_sb;

	lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1],
			  &ext4_fs_type.s_writers_key[SB_FREEZE_WRITE - 1]);
	return 0;
}

/* fs/cachefiles/xattr.c: mark the cache object in use, on the backing file */
int cachefiles_set_object_xattr(struct cachefiles_object *object)
{
	struct file *file = object->file;
	int ret;

	ret = mnt_want_write_file(file); /* expect LO002: sb_writers */
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

	cachefiles_set_object_xattr(object); /* expect-gap LO001: ext4_fs_type.s_writers_key -> mm_struct.mmap_lock — needs sb_writers (freeze-protection calls) keyed by lockdep_set_class (issue 3) */
}

static const struct fscache_cache_ops cachefiles_cache_ops = {
	.prepare_to_write	= cachefiles_prepare_to_write,
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
		fscache_prepare_to_write(cookie); /* expect LO001: sb_writers -> mm_struct.mmap_lock */
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
	ret = fscache_begin_read_operation(&rreq->cache_resources, rreq->cookie); /* expect-gap LO001: address_space.invalidate_lock -> ext4_fs_type.s_writers_key — needs sb_writers (freeze-protection calls) keyed by lockdep_set_class (issue 3) */
	if (ret < 0)
		return ret;
	return netfs_begin_read(rreq, true);
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
	filemap_invalidate_lock_shared(mapping); /* expect LO001: address_space.invalidate_lock -> sb_writers -> mm_struct.mmap_lock */
	if (!folio)
		folio = __filemap_get_folio(mapping, vmf->pgoff, FGP_CREAT | FGP_FOR_MMAP,
					    vmf->gfp_mask);
	if (!folio) {
		filemap_invalidate_unlock_shared(mapping);
		return VM_FAULT_OOM;
	}
	fpin = maybe_unlock_mmap_for_io(vmf, fpin);
	/* filemap_read_folio(file, mapping->a_ops->read_folio, folio) */
	error = mapping->a_ops->read_folio(file, folio); /* expect LO001: address_space.invalidate_lock -> sb_writers */
	filemap_invalidate_unlock_shared(mapping);
	folio_put(folio);
	if (fpin) {
		fput(fpin);
		return VM_FAULT_RETRY;
	}
	return error ? VM_FAULT_SIGBUS : VM_FAULT_LOCKED;
}

/* ---- fs/afs ---- */

static struct file_system_type afs_fs_type = {
	.name		= "afs",
};

static int afs_fill_super(struct super_block *sb, struct afs_fs_context *ctx)
{
	lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1],
			  &afs_fs_type.s_writers_key[SB_FREEZE_WRITE - 1]);
	return afs_fill_super_root(sb, ctx);
}

static const struct address_space_operations afs_file_aops = {
	.read_folio	= netfs_read_folio,
};

static const struct vm_operations_struct afs_vm_ops = {
	.fault		= filemap_fault,
};

/* ---- fs/ext4: the cache's own file system ---- */

static int ext4_fill_super(struct super_block *sb, struct fs_context *fc)
{
	lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1],
			  &ext4_fs_type.s_writers_key[SB_FREEZE_WRITE - 1]);
	return __ext4_fill_super(fc, sb);
}

/* fs/ext4/ioctl.c: EXT4_IOC_SETVERSION, freeze protection before get_user (real 6.1 code) */
static long __ext4_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file_inode(filp);
	unsigned int generation;
	int err;

	switch (cmd) {
	case EXT4_IOC_SETVERSION:
		err = mnt_want_write_file(filp); /* expect-gap LO002: ext4_fs_type.s_writers_key — needs sb_writers (freeze-protection calls) keyed by lockdep_set_class (issue 3) */
		if (err)
			return err;
		if (get_user(generation, (int *)arg)) { /* expect-gap LO001: address_space.invalidate_lock -> ext4_fs_type.s_writers_key -> mm_struct.mmap_lock — needs sb_writers (freeze-protection calls) keyed by lockdep_set_class (issue 3) */
			err = -EFAULT;
			goto setversion_out;
		}
		inode_lock(inode);
		err = ext4_set_generation(inode, generation);
		inode_unlock(inode);
setversion_out:
		mnt_drop_write_file(filp);
		return err;
	}
	return -ENOTTY;
}

long ext4_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	return __ext4_ioctl(filp, cmd, arg);
}
