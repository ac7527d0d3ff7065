/*
 * S6-02 bad: a shrinker that blocks on a lock held across GFP_KERNEL
 * allocations: the super-block shrinker taking s_umount with down_read
 * instead of trylock_super() (seed 002's "fs_reclaim unsafe", on the lock
 * fs/super.c guards for exactly this reason).
 *
 * Reclaim: fs_reclaim held -> shrink_slab -> sb->s_shrink.scan_objects =
 *   super_cache_scan (stored by alloc_super) -> down_read(&sb->s_umount).
 *   Edge fs_reclaim -> super_block.s_umount.
 * mount -o remount: do_remount: down_write(&sb->s_umount)
 *   -> reconfigure_super -> fc->ops->reconfigure = ext4_reconfigure
 *   -> __ext4_remount: kstrdup(qf_name, GFP_KERNEL) saves the quota file
 *   names (real 6.1 code).  Edge super_block.s_umount -> fs_reclaim.
 * The remount's own direct reclaim can run super_cache_scan on the very
 * super block it holds for write: it waits for itself.
 *
 * Must report:
 *   LO001 super_block.s_umount -> fs_reclaim.
 * The fixed twin (02-shrinker_ok.c) is the 6.1 code: trylock_super(), and
 * SHRINK_STOP when s_umount is busy.
 */

typedef unsigned int gfp_t;

struct rw_semaphore { long count; };
struct shrink_control { gfp_t gfp_mask; unsigned long nr_to_scan; };
struct shrinker {
	unsigned long (*count_objects)(struct shrinker *, struct shrink_control *);
	unsigned long (*scan_objects)(struct shrinker *, struct shrink_control *);
	int seeks;
};
struct super_block {
	struct rw_semaphore s_umount;
	struct shrinker s_shrink;
	unsigned long s_flags;
	void *s_fs_info;
};
struct dentry { struct super_block *d_sb; };
struct vfsmount { struct super_block *mnt_sb; struct dentry *mnt_root; };
struct path { struct vfsmount *mnt; struct dentry *dentry; };
struct fs_context;
struct fs_context_operations {
	int (*reconfigure)(struct fs_context *fc);
};
struct fs_context {
	const struct fs_context_operations *ops;
	struct dentry *root;
};
struct ext4_sb_info { char *s_qf_names[3]; };
struct ext4_mount_options { char *s_qf_names[3]; };

/* fs/super.c */
static unsigned long super_cache_scan(struct shrinker *shrink, struct shrink_control *sc)
{
	struct super_block *sb;
	long freed = 0;

	sb = container_of(shrink, struct super_block, s_shrink);

	if (!(sc->gfp_mask & __GFP_FS))
		return SHRINK_STOP;

	down_read(&sb->s_umount);	/* 6.1: if (!trylock_super(sb)) return SHRINK_STOP; */
	freed = prune_dcache_sb(sb, sc);
	freed += prune_icache_sb(sb, sc);
	up_read(&sb->s_umount);
	return freed;
}

static unsigned long super_cache_count(struct shrinker *shrink, struct shrink_control *sc)
{
	struct super_block *sb = container_of(shrink, struct super_block, s_shrink);

	return list_lru_shrink_count(&sb->s_dentry_lru, sc) +
	       list_lru_shrink_count(&sb->s_inode_lru, sc);
}

static void alloc_super_shrinker(struct super_block *s)
{
	s->s_shrink.seeks = DEFAULT_SEEKS;
	s->s_shrink.scan_objects = super_cache_scan;
	s->s_shrink.count_objects = super_cache_count;
}

int reconfigure_super(struct fs_context *fc)
{
	struct super_block *sb = fc->root->d_sb;

	lockdep_assert_held_write(&sb->s_umount);
	if (fc->ops->reconfigure)
		return fc->ops->reconfigure(fc);
	return 0;
}

/* fs/namespace.c: mount -o remount */
static int do_remount(struct path *path, int ms_flags, int sb_flags, int mnt_flags, void *data)
{
	struct super_block *sb = path->mnt->mnt_sb;
	struct fs_context *fc;
	int err;

	fc = fs_context_for_reconfigure(path->dentry, sb_flags, MS_RMT_MASK);
	if (IS_ERR(fc))
		return PTR_ERR(fc);
	err = parse_monolithic_mount_data(fc, data);
	if (!err) {
		down_write(&sb->s_umount);
		err = reconfigure_super(fc);
		up_write(&sb->s_umount);
	}
	put_fs_context(fc);
	return err;
}

/* fs/ext4/super.c */
static int __ext4_remount(struct fs_context *fc, struct super_block *sb)
{
	struct ext4_sb_info *sbi = sb->s_fs_info;
	struct ext4_mount_options old_opts;
	int i;

	/* Store the original options */
	for (i = 0; i < EXT4_MAXQUOTAS; i++) {
		if (sbi->s_qf_names[i]) {
			old_opts.s_qf_names[i] = kstrdup(sbi->s_qf_names[i], GFP_KERNEL); /* expect LO001: super_block.s_umount -> fs_reclaim */
			if (!old_opts.s_qf_names[i])
				return -ENOMEM;
		} else {
			old_opts.s_qf_names[i] = NULL;
		}
	}
	return ext4_apply_options(fc, sb);
}

static int ext4_reconfigure(struct fs_context *fc)
{
	struct super_block *sb = fc->root->d_sb;

	return __ext4_remount(fc, sb);
}

static const struct fs_context_operations ext4_context_ops = {
	.reconfigure	= ext4_reconfigure,
};
