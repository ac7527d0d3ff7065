/*
 * A constant argument inside a recursion: 6.1's mark_buffer_dirty calls
 * __mark_inode_dirty(inode, I_DIRTY_PAGES), which calls the file system's
 * ->dirty_inode only under if (flags & I_DIRTY_INODE).  ext4's ->dirty_inode
 * journals the inode, and the journal gives buffers back to the VM with
 * mark_buffer_dirty while it holds j_list_lock: a recursion through
 * ->dirty_inode in the call graph, that no constant can take.  Summaries
 * inside a recursion are not specialised for constant arguments (ADR-007),
 * so __jbd2_journal_unfile_buffer seemed to take j_list_lock again through
 * ->dirty_inode.  The call passes I_DIRTY_PAGES to a copy of
 * __mark_inode_dirty that has no ->dirty_inode call, and the recursion is
 * gone.
 *
 * The _bad twin passes I_DIRTY_SYNC: the inode is journalled under
 * j_list_lock.
 *
 * expect-none
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
	__mark_inode_dirty(bh->b_inode, I_DIRTY_PAGES);
}

/* jbd2: a buffer leaves the journal's lists and goes back to the VM, dirty. */
static void jbd2_journal_unfile_buffer(struct journal_s *journal, struct buffer_head *bh)
{
	spin_lock(&journal->j_list_lock);
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
