/*
 * A hash bucket's bit lock (6.1 include/linux/list_bl.h, fs/dcache.c).
 *
 * hlist_bl_lock(b) spins on bit 0 of b->first: a static inline over
 * bit_spin_lock, which lockdep does not track and whose body takes nothing
 * the analysis would see. The linux profile lists it as a spinlock of class
 * hlist_bl_head.first. fs/dcache.c's comment orders it after d_lock:
 *
 *	dentry->d_lock
 *	  dcache_hash_bucket lock
 *	  s_roots lock
 *
 * __d_drop and __d_rehash follow it; d_alloc_parallel holds its in-lookup
 * bucket while it compares names through ->d_compare, which may take a
 * lock of its own (proc_sys_compare takes sysctl_lock). Nothing takes the
 * bucket first and d_lock under it.
 *
 * expect-none
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
