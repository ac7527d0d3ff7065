/*
 * (twin) A hash bucket's bit lock taken the wrong way round.
 *
 * 28-hlist-bl-bucket-lock_ok.c with one more user of the bucket lock:
 * d_hash_and_lookup_locked holds its hash bucket and takes the dentry's
 * d_lock under it, the reverse of fs/dcache.c's documented order, while
 * __d_drop takes d_lock and then the bucket. Were hlist_bl_lock read
 * through its body (bit_spin_lock, a loop on a bit), neither thread would
 * seem to take a lock at all.
 */
typedef struct { int rlock; } spinlock_t;
struct hlist_bl_node { struct hlist_bl_node *next, **pprev; };
struct hlist_bl_head { struct hlist_bl_node *first; };
struct super_block { struct hlist_bl_head s_roots; };
struct dentry;
struct dentry_operations { int (*d_compare)(const struct dentry *, const char *); };
struct dentry {
	spinlock_t d_lock;
	struct super_block *d_sb;
	struct hlist_bl_node d_hash;
	const struct dentry_operations *d_op;
};

static struct hlist_bl_head *dentry_hashtable;
static struct hlist_bl_head in_lookup_hashtable[64];
static DEFINE_SPINLOCK(sysctl_lock);

static inline void hlist_bl_lock(struct hlist_bl_head *b)
{
	bit_spin_lock(0, (unsigned long *)b);
}

static inline void hlist_bl_unlock(struct hlist_bl_head *b)
{
	__bit_spin_unlock(0, (unsigned long *)b);
}

static struct hlist_bl_head *d_hash(unsigned int hash)
{
	return dentry_hashtable + (hash >> 20);
}

static int proc_sys_compare(const struct dentry *dentry, const char *name)
{
	int seen;

	spin_lock(&sysctl_lock);
	seen = name[0] != 0;
	spin_unlock(&sysctl_lock);
	return seen;
}

static const struct dentry_operations proc_sys_dentry_operations = {
	.d_compare = proc_sys_compare,
};

void __d_drop(struct dentry *dentry, unsigned int hash)
{
	struct hlist_bl_head *b = d_hash(hash);

	spin_lock(&dentry->d_lock);
	hlist_bl_lock(b);
	hlist_bl_unlock(b);
	hlist_bl_lock(&dentry->d_sb->s_roots);
	hlist_bl_unlock(&dentry->d_sb->s_roots);
	spin_unlock(&dentry->d_lock);
}

int d_alloc_parallel(struct dentry *parent, const char *name, unsigned int hash)
{
	struct hlist_bl_head *b = &in_lookup_hashtable[hash & 63];
	int found;

	hlist_bl_lock(b);
	found = parent->d_op->d_compare(parent, name);
	hlist_bl_unlock(b);
	return found;
}

void d_hash_and_lookup_locked(struct dentry *dentry, unsigned int hash)
{
	struct hlist_bl_head *b = d_hash(hash);

	hlist_bl_lock(b);
	spin_lock(&dentry->d_lock); /* expect LO001: dentry.d_lock -> hlist_bl_head.first [confirmed] */
	spin_unlock(&dentry->d_lock);
	hlist_bl_unlock(b);
}
