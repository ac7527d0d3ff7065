/*
 * S2 per-type: lockdep keys sb_writers per file-system type ("sb_writers#14"
 * in the splat of seed 003; alloc_super() initialises s_writers.rw_sem[i]
 * with &type->s_writers_key[i]).  What changes when lockorder does too.
 *
 * Jan Kara first answered that the locks "are actually on different
 * filesystems, just lockdep isn't able to see this"; David Howells pointed
 * at the per-type keys; Jan then found the deadlock real, because fs B's
 * own write(2) orders fs B's sb_writers before mmap_lock.  This file is the
 * case where the first answer is right: the only sb_writers -> mmap_lock
 * order comes from another file system.
 *
 *   page fault on an afs mapping (fs A): mmap_lock (r) -> filemap_fault:
 *     invalidate_lock (r) -> netfs_read_folio -> fscache -> cachefiles ->
 *     mnt_want_write_file on the cache file: the cache lives on ext4 (fs B).
 *   btrfs ioctl (fs C): BTRFS_IOC_QGROUP_ASSIGN: mnt_want_write_file ->
 *     memdup_user (may fault) -> mmap_lock (r) (real 6.1 code).
 *
 * With one sb_writers class (today) the btrfs ioctl closes the cachefiles
 * chain: three cycles and a recursive acquisition.  With per-type classes
 * btrfs's freeze protection and ext4's are different locks, and nothing
 * orders ext4's sb_writers before mmap_lock: no finding.  The twin
 * per-type-same-fs.c adds ext4's own ioctl and the findings come back, on
 * ext4's class.
 *
 * How the per-type classes are written: each file system's code says which
 * key its super blocks' SB_FREEZE_WRITE level has, with
 * lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1],
 * &<type>.s_writers_key[SB_FREEZE_WRITE - 1]) in its fill_super, and
 * cachefiles_add_cache says which file system the cache is on (ext4 here;
 * lockdep learns it at mount time, a static tool must be told).  The
 * intended semantics: the freeze-protection calls (sb_start_write,
 * mnt_want_write*, file_start_write) made by the code of the file system
 * that called lockdep_set_class (fs/btrfs, fs/cachefiles, fs/ext4, fs/afs)
 * take the key's class, named after the key expression
 * (ext4_fs_type.s_writers_key); elsewhere (mm, netfs, fscache, VFS) the
 * class stays sb_writers.
 * What lockorder does today (ClassKeys): a key applies to the declared
 * classes of the keyed expression (super_block.s_writers, sb_writers.rw_sem)
 * in the functions of the same directory, the first key winning.  Two
 * things keep this file at the class level: the freeze-protection calls
 * have the fixed class sb_writers, which no key reaches; and this
 * one-file program is one directory, so btrfs, cachefiles and ext4 cannot
 * have different keys here (that needs the file systems in different
 * directories of one program, which the per-file corpus cannot express, or
 * a finer "module" than the directory).  The class-level findings are
 * therefore expect-fp; with per-type classes they disappear and this file
 * expects none.
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
struct btrfs_ioctl_qgroup_assign_args { unsigned long long src; unsigned long long dst; int assign; };

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

	ret = mnt_want_write_file(file); /* expect-fp LO002: sb_writers — class level: btrfs's sb_writers held, ext4's taken; per type (lockdep_set_class keying sb_writers per fs, issue 3) two classes */
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
	filemap_invalidate_lock_shared(mapping); /* expect-fp LO001: address_space.invalidate_lock -> sb_writers -> mm_struct.mmap_lock — class level: btrfs's sb_writers is not the cache's; per type (lockdep_set_class keying sb_writers per fs, issue 3) no cycle */
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

/* ---- fs/btrfs: another local file system, not the cache's ---- */

static struct file_system_type btrfs_fs_type = {
	.name		= "btrfs",
};

static int btrfs_fill_super(struct super_block *sb, struct btrfs_fs_devices *fs_devices,
			    void *data)
{
	lockdep_set_class(&sb->s_writers.rw_sem[SB_FREEZE_WRITE - 1],
			  &btrfs_fs_type.s_writers_key[SB_FREEZE_WRITE - 1]);
	return open_ctree(sb, fs_devices, (char *)data);
}

/* fs/btrfs/ioctl.c: freeze protection first, then the arguments from user memory */
static long btrfs_ioctl_qgroup_assign(struct file *file, void *arg)
{
	struct btrfs_ioctl_qgroup_assign_args *sa;
	int ret;

	ret = mnt_want_write_file(file); /* expect-fp LO001: sb_writers -> mm_struct.mmap_lock — class level: btrfs's sb_writers is not the cache's; per type (lockdep_set_class keying sb_writers per fs, issue 3) no cycle */
	if (ret)
		return ret;

	sa = memdup_user(arg, sizeof(*sa)); /* expect-fp LO001: address_space.invalidate_lock -> sb_writers — class level: btrfs's sb_writers is not the cache's; per type (lockdep_set_class keying sb_writers per fs, issue 3) no cycle */
	if (IS_ERR(sa)) {
		ret = PTR_ERR(sa);
		goto drop_write;
	}
	ret = btrfs_qgroup_assign(file, sa);
	kfree(sa);
drop_write:
	mnt_drop_write_file(file);
	return ret;
}

long btrfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void *argp = (void *)arg;

	switch (cmd) {
	case BTRFS_IOC_QGROUP_ASSIGN:
		return btrfs_ioctl_qgroup_assign(file, argp);
	}
	return -ENOTTY;
}
