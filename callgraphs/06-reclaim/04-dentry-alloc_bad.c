/*
 * S6-04 bad: open(O_CREAT) allocates the new dentry under the directory's
 * i_rwsem (real 6.1 fs/namei.c and fs/dcache.c), the most common
 * GFP_KERNEL-under-i_rwsem there is, and the reason i_rwsem must stay out
 * of reclaim (seed 002).
 *
 * Reclaim: fs_reclaim held -> ext4_aops.writepages = ext4_writepages
 *   -> inode_lock (the hypothetical inline-data copy of 01-writepages_bad.c).
 *   Edge fs_reclaim -> inode.i_rwsem.
 * open(O_CREAT): open_last_lookups: inode_lock(dir) -> lookup_open
 *   -> d_alloc_parallel -> d_alloc -> __d_alloc
 *   -> kmem_cache_alloc_lru(dentry_cache, &sb->s_dentry_lru, GFP_KERNEL).
 *   Edge inode.i_rwsem -> fs_reclaim.
 *
 * Must report:
 *   LO001 inode.i_rwsem -> fs_reclaim (kmem_cache_alloc_lru(s, lru,
 *         gfpflags) takes its gfp in the third argument).
 */

typedef unsigned int gfp_t;
typedef long long loff_t;

struct rw_semaphore { long count; };
struct spinlock { int x; };
struct kmem_cache;
struct list_lru { long nr_items; };
struct qstr { const char *name; unsigned int len; };
struct super_block { struct list_lru s_dentry_lru; };
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
struct dentry {
	struct spinlock d_lock;
	struct dentry *d_parent;
	struct inode *d_inode;
	struct super_block *d_sb;
};
struct path { struct dentry *dentry; };
struct nameidata { struct path path; struct qstr last; };
struct open_flags { int open_flag; };
struct file { struct inode *f_inode; };

static struct kmem_cache *dentry_cache;

/* fs/ext4/inode.c */
static int ext4_writepages(struct address_space *mapping, struct writeback_control *wbc)
{
	struct inode *inode = mapping->host;
	int ret;

	if (ext4_has_inline_data(inode)) {
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

/* fs/dcache.c */
static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry;

	dentry = kmem_cache_alloc_lru(dentry_cache, &sb->s_dentry_lru, GFP_KERNEL); /* expect LO001: inode.i_rwsem -> fs_reclaim */
	if (!dentry)
		return NULL;
	d_set_name(dentry, name);
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	spin_lock(&parent->d_lock);
	dentry->d_parent = parent;
	spin_unlock(&parent->d_lock);
	return dentry;
}

struct dentry *d_alloc_parallel(struct dentry *parent, const struct qstr *name)
{
	struct dentry *new = d_alloc(parent, name);

	if (!new)
		return ERR_PTR(-ENOMEM);
	return d_add_in_lookup(new);
}

/* fs/namei.c */
static struct dentry *lookup_open(struct nameidata *nd, struct file *file,
				  const struct open_flags *op, bool got_write)
{
	struct dentry *dir = nd->path.dentry;
	struct dentry *dentry;

	dentry = d_lookup(dir, &nd->last);
	if (!dentry)
		dentry = d_alloc_parallel(dir, &nd->last);
	if (IS_ERR(dentry))
		return dentry;
	return atomic_open_or_create(nd, file, dentry, op, got_write);
}

static const char *open_last_lookups(struct nameidata *nd, struct file *file,
				     const struct open_flags *op)
{
	struct dentry *dir = nd->path.dentry;
	int open_flag = op->open_flag;
	bool got_write = false;
	struct dentry *dentry;

	if (open_flag & O_CREAT)
		inode_lock(dir->d_inode);
	else
		inode_lock_shared(dir->d_inode);
	dentry = lookup_open(nd, file, op, got_write);
	if (open_flag & O_CREAT)
		inode_unlock(dir->d_inode);
	else
		inode_unlock_shared(dir->d_inode);
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	return NULL;
}
