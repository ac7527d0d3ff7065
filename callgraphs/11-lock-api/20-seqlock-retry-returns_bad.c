/*
 * A seqlock reader's retry path (twin): the locking pass returns early
 * without done_seqretry().
 *
 * 20-seqlock-retry-returns_ok.c with one more early return, on the locking
 * pass itself: when visit() fails, d_walk drops the dentry lock and returns
 * without done_seqretry(), still holding rename_lock, and
 * shrink_dcache_parent takes the inode list lock under it, the reverse of the
 * writer's order.
 */

typedef struct { unsigned seqcount; int lock; } seqlock_t;
typedef struct { int rlock; } spinlock_t;
struct dentry { spinlock_t d_lock; struct dentry *d_parent; int d_flags; };
struct super_block { spinlock_t s_inode_list_lock; int s_count; };

static seqlock_t rename_lock;

unsigned read_seqbegin(const seqlock_t *sl);
unsigned read_seqretry(const seqlock_t *sl, unsigned start);
int visit(struct dentry *d);

static inline void read_seqbegin_or_lock(seqlock_t *lock, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl(lock);
}

static inline int need_seqretry(seqlock_t *lock, int seq)
{
	return !(seq & 1) && read_seqretry(lock, seq);
}

static inline void done_seqretry(seqlock_t *lock, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(lock);
}

static void d_walk(struct dentry *parent, int retry)
{
	int seq = 0;

again:
	read_seqbegin_or_lock(&rename_lock, &seq);
	spin_lock(&parent->d_lock);
	if (visit(parent)) {
		spin_unlock(&parent->d_lock);
		return;
	}
	if (need_seqretry(&rename_lock, seq))
		goto rename_retry;
	spin_unlock(&parent->d_lock);
	done_seqretry(&rename_lock, seq);
	return;

rename_retry:
	spin_unlock(&parent->d_lock);
	if (!retry)
		return;
	seq = 1;
	goto again;
}

/* Shrinking a subtree, then the superblock's inode list. */
void shrink_dcache_parent(struct dentry *parent, struct super_block *sb)
{
	d_walk(parent, 0);
	spin_lock(&sb->s_inode_list_lock);
	sb->s_count = 0;
	spin_unlock(&sb->s_inode_list_lock);
}

/* A rename done under the inode list lock (the writers' order here). */
void move_under_list_lock(struct super_block *sb, struct dentry *d)
{
	spin_lock(&sb->s_inode_list_lock);
	write_seqlock(&rename_lock); /* expect LO001: rename_lock -> super_block.s_inode_list_lock [confirmed] */
	d->d_flags = 1;
	write_sequnlock(&rename_lock);
	spin_unlock(&sb->s_inode_list_lock);
}
