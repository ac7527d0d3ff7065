/*
 * S6-03 bad: the GFP_KERNEL reaches the allocator through a wrapper's gfp
 * parameter (seed 002's reclaim problem, the way kernel code allocates).
 *
 * Reclaim: fs_reclaim held -> ext4_aops.writepages = ext4_writepages
 *   -> inode_lock (the hypothetical inline-data copy of 01-writepages_bad.c).
 *   Edge fs_reclaim -> inode.i_rwsem.
 * fallocate(FALLOC_FL_PUNCH_HOLE): ext4_punch_hole: inode_lock
 *   -> ext4_inode_attach_jinode -> jbd2_alloc_inode(GFP_KERNEL)
 *   -> kmem_cache_alloc(jbd2_inode_cache, gfp_flags)   (real 6.1 code).
 *   Edge inode.i_rwsem -> fs_reclaim.
 *
 * Must report:
 *   LO001 inode.i_rwsem -> fs_reclaim, as in 01-writepages_bad.c: the
 *         allocation's gfp argument is jbd2_alloc_inode's parameter
 *         gfp_flags, decided by the caller's GFP_KERNEL.
 */

typedef unsigned int gfp_t;
typedef long long loff_t;

struct rw_semaphore { long count; };
struct spinlock { int x; };
struct kmem_cache;
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
	struct spinlock i_lock;
	struct address_space *i_mapping;
	loff_t i_size;
};
struct jbd2_inode { struct inode *i_vfs_inode; };
struct ext4_inode_info { struct jbd2_inode *jinode; struct inode vfs_inode; };
struct file { struct inode *f_inode; };

static struct kmem_cache *jbd2_inode_cache;

/* fs/jbd2/journal.c */
struct jbd2_inode *jbd2_alloc_inode(gfp_t gfp_flags)
{
	return kmem_cache_alloc(jbd2_inode_cache, gfp_flags);
}

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

int ext4_inode_attach_jinode(struct inode *inode)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	struct jbd2_inode *jinode;

	if (ei->jinode)
		return 0;

	jinode = jbd2_alloc_inode(GFP_KERNEL); /* expect LO001: inode.i_rwsem -> fs_reclaim */
	spin_lock(&inode->i_lock);
	if (!ei->jinode) {
		if (!jinode) {
			spin_unlock(&inode->i_lock);
			return -ENOMEM;
		}
		jbd2_journal_init_jbd_inode(jinode, inode);
		ei->jinode = jinode;
		jinode = NULL;
	}
	spin_unlock(&inode->i_lock);
	if (jinode)
		jbd2_free_inode(jinode);
	return 0;
}

int ext4_punch_hole(struct file *file, loff_t offset, loff_t length)
{
	struct inode *inode = file_inode(file);
	int ret = 0;

	inode_lock(inode);
	if (offset >= inode->i_size)
		goto out_mutex;

	if (offset & (PAGE_SIZE - 1) || (offset + length) & (PAGE_SIZE - 1)) {
		/* Attach jinode to inode for jbd2 if we do any zeroing of partial block */
		ret = ext4_inode_attach_jinode(inode);
		if (ret < 0)
			goto out_mutex;
	}
	ret = ext4_punch_hole_blocks(inode, offset, length);
out_mutex:
	inode_unlock(inode);
	return ret;
}
