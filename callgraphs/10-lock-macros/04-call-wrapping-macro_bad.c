/*
 * A call behind a macro: ext4 reaches the journal through macros that only
 * add the caller's name and line (6.1's fs/ext4/ext4_jbd2.h), here with a
 * made-up bug.
 *
 * ext4_journal_get_write_access(handle, sb, bh, type) is
 * __ext4_journal_get_write_access(__func__, __LINE__, ...), which takes the
 * journal head's b_state_lock, as jbd2_journal_get_write_access does.  Read
 * as a call of the macro's own name, which has no body, it would take no lock
 * at all.  ext4_orphan_flush holds the journal's j_list_lock across it: the
 * reverse of jbd2's b_state_lock before j_list_lock
 * (__jbd2_journal_file_buffer's callers).
 *
 * Must report:
 *   LO001 journal_s.j_list_lock -> journal_head.b_state_lock.
 */

typedef struct { int rlock; } spinlock_t;

struct journal_s { spinlock_t j_list_lock; int j_committing; };
struct journal_head { spinlock_t b_state_lock; struct journal_s *b_journal; int b_jlist; };
struct buffer_head { struct journal_head *b_jh; };
struct super_block { struct journal_s *s_journal; };
typedef struct handle_s { struct journal_s *h_journal; } handle_t;

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);

#define ext4_journal_get_write_access(handle, sb, bh, trigger_type) \
	__ext4_journal_get_write_access(__func__, __LINE__, (handle), (sb), \
					(bh), (trigger_type))

/* jbd2: a buffer is filed on a journal list under both locks, state lock first. */
void jbd2_journal_file_buffer(struct journal_head *jh, struct journal_s *journal, int jlist)
{
	spin_lock(&jh->b_state_lock);
	spin_lock(&journal->j_list_lock);
	jh->b_jlist = jlist;
	spin_unlock(&journal->j_list_lock);
	spin_unlock(&jh->b_state_lock);
}

static int jbd2_journal_get_write_access(handle_t *handle, struct buffer_head *bh)
{
	struct journal_head *jh = bh->b_jh;

	spin_lock(&jh->b_state_lock);
	jh->b_jlist = 0;
	spin_unlock(&jh->b_state_lock);
	return 0;
}

int __ext4_journal_get_write_access(const char *where, unsigned int line,
				    handle_t *handle, struct super_block *sb,
				    struct buffer_head *bh, int trigger_type)
{
	return jbd2_journal_get_write_access(handle, bh);
}

/* The made-up bug: the journal's list lock held across the write access. */
int ext4_orphan_flush(handle_t *handle, struct super_block *sb, struct buffer_head *bh)
{
	struct journal_s *journal = sb->s_journal;
	int err;

	spin_lock(&journal->j_list_lock);
	err = ext4_journal_get_write_access(handle, sb, bh, 0);	/* expect LO001: journal_s.j_list_lock -> journal_head.b_state_lock */
	spin_unlock(&journal->j_list_lock);
	return err;
}
