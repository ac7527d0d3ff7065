/*
 * The twin of 21-constant-argument-in-recursion_ok.c, with a made-up bug:
 * mark_buffer_dirty passes I_DIRTY_SYNC instead of I_DIRTY_PAGES, so the
 * file system's ->dirty_inode runs, and ext4's journals the inode, which
 * gives a buffer back to the VM under j_list_lock: jbd2's unfile path,
 * already holding j_list_lock, takes it again.
 */

typedef struct { int rlock; } spinlock_t;

struct inode;
struct super_operations { void (*dirty_inode)(struct inode *, int); };
struct journal_s { spinlock_t j_list_lock; int j_committing; };
struct super_block { const struct super_operations *s_op; struct journal_s *s_journal; };
struct inode { struct super_block *i_sb; spinlock_t i_lock; unsigned long i_state; };
struct buffer_head { struct inode *b_inode; int b_jlist; };

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);

enum { I_DIRTY_SYNC = 1, I_DIRTY_DATASYNC = 2, I_DIRTY_INODE = 3, I_DIRTY_PAGES = 4, I_DIRTY_TIME = 2048 };

void __mark_inode_dirty(struct inode *inode, int flags)
{
	struct super_block *sb = inode->i_sb;

	if (flags & I_DIRTY_INODE) {
		if (sb->s_op->dirty_inode)
			sb->s_op->dirty_inode(inode, flags & I_DIRTY_INODE);
		flags &= ~I_DIRTY_TIME;	/* assigned after the test: the test still reads the caller's value */
	}
	spin_lock(&inode->i_lock);
	inode->i_state |= flags;
	spin_unlock(&inode->i_lock);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	__mark_inode_dirty(bh->b_inode, I_DIRTY_SYNC);	/* the made-up bug */
}

/* jbd2: a buffer leaves the journal's lists and goes back to the VM, dirty. */
static void jbd2_journal_unfile_buffer(struct journal_s *journal, struct buffer_head *bh)
{
	spin_lock(&journal->j_list_lock);	/* expect LO002: journal_s.j_list_lock */
	bh->b_jlist = 0;
	mark_buffer_dirty(bh);
	spin_unlock(&journal->j_list_lock);
}

static void ext4_dirty_inode(struct inode *inode, int flags)
{
	struct buffer_head bh = { .b_inode = inode };

	jbd2_journal_unfile_buffer(inode->i_sb->s_journal, &bh);
}

static const struct super_operations ext4_sops = {
	.dirty_inode	= ext4_dirty_inode,
};
