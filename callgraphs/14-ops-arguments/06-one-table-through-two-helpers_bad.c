/*
 * The two-helpers twin with a bug: the purge unlocks another object's cache
 * (tree_ci), so the tables of the two calls are not tied. With ci an inode's
 * cache and tree_ci a refcount tree's, the inode's ip_lock stays held into the
 * io lock, which the reader takes before either cache lock: a real AB-BA for
 * each table.
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
	mutex_lock(&ip_lock); /* expect LO001: ip_lock -> rf_io_mutex [confirmed] */
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

void ocfs2_metadata_cache_purge(struct ocfs2_caching_info *ci, struct ocfs2_caching_info *tree_ci)
{
	ocfs2_metadata_cache_lock(ci);
	ci->ci_num_cached = 0;
	ocfs2_metadata_cache_unlock(tree_ci);
}

int ocfs2_refcount_convert_worker(struct ocfs2_caching_info *ci, struct ocfs2_caching_info *tree_ci)
{
	ocfs2_metadata_cache_purge(ci, tree_ci);
	mutex_lock(&rf_io_mutex); /* expect LO001: rf_io_mutex -> rf_lock [confirmed] */
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
