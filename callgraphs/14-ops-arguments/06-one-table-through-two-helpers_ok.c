/*
 * One object, one ops table, reached through two helpers (the shape of 6.1's
 * fs/ocfs2/uptodate.c: ocfs2_metadata_cache_lock(ci) and
 * ocfs2_metadata_cache_unlock(ci) each call through ci->ci_ops, whose tables
 * are the inode's and the refcount tree's).
 *
 * ocfs2_metadata_cache_purge() locks the cache through one helper and unlocks
 * it through the other, with one ci whose ci_ops nothing changes: both calls
 * reach one table. Read by the tables' type alone, one path locks the inode's
 * ip_lock and unlocks the tree's rf_lock, so the inode's lock seemed held into
 * ocfs2_refcount_convert_worker()'s io lock, which the tree's reader takes
 * first: a false AB-BA in both tables. Each helper's exit says which table its
 * parameter's pointer went to, and the purge follows only the matching unlock.
 *
 * expect-none
 */
struct ocfs2_caching_info;
struct ocfs2_caching_operations {
	void (*co_cache_lock)(struct ocfs2_caching_info *ci);
	void (*co_cache_unlock)(struct ocfs2_caching_info *ci);
};
struct ocfs2_caching_info {
	const struct ocfs2_caching_operations *ci_ops;
	int ci_num_cached;
};

static DEFINE_MUTEX(ip_lock);
static DEFINE_MUTEX(rf_lock);
static DEFINE_MUTEX(rf_io_mutex);

static void ocfs2_inode_cache_lock(struct ocfs2_caching_info *ci)
{
	mutex_lock(&ip_lock);
}

static void ocfs2_inode_cache_unlock(struct ocfs2_caching_info *ci)
{
	mutex_unlock(&ip_lock);
}

static void ocfs2_refcount_cache_lock(struct ocfs2_caching_info *ci)
{
	mutex_lock(&rf_lock);
}

static void ocfs2_refcount_cache_unlock(struct ocfs2_caching_info *ci)
{
	mutex_unlock(&rf_lock);
}

static const struct ocfs2_caching_operations ocfs2_inode_caching_ops = {
	.co_cache_lock = ocfs2_inode_cache_lock,
	.co_cache_unlock = ocfs2_inode_cache_unlock,
};

static const struct ocfs2_caching_operations ocfs2_refcount_caching_ops = {
	.co_cache_lock = ocfs2_refcount_cache_lock,
	.co_cache_unlock = ocfs2_refcount_cache_unlock,
};

void ocfs2_metadata_cache_lock(struct ocfs2_caching_info *ci)
{
	ci->ci_ops->co_cache_lock(ci);
}

void ocfs2_metadata_cache_unlock(struct ocfs2_caching_info *ci)
{
	ci->ci_ops->co_cache_unlock(ci);
}

void ocfs2_metadata_cache_purge(struct ocfs2_caching_info *ci)
{
	ocfs2_metadata_cache_lock(ci);
	ci->ci_num_cached = 0;
	ocfs2_metadata_cache_unlock(ci);
}

int ocfs2_refcount_convert_worker(struct ocfs2_caching_info *ci)
{
	ocfs2_metadata_cache_purge(ci);
	mutex_lock(&rf_io_mutex);
	mutex_unlock(&rf_io_mutex);
	return 0;
}

int ocfs2_read_refcount_block(struct ocfs2_caching_info *ci)
{
	int cached;

	mutex_lock(&rf_io_mutex);
	ocfs2_metadata_cache_lock(ci);
	cached = ci->ci_num_cached;
	ocfs2_metadata_cache_unlock(ci);
	mutex_unlock(&rf_io_mutex);
	return cached;
}
