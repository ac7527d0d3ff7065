/*
 * jbd2's handle as lockdep sees it (6.1 fs/jbd2/transaction.c, include/linux/jbd2.h):
 * journal_init names the journal's lockdep map "jbd2_handle" (lockdep_init_map);
 * start_this_handle takes it for read with lockdep's trylock flag set, so it
 * orders after nothing but is held until the handle stops; a wait for the commit
 * (jbd2_might_wait_for_commit) takes and drops it for write, ordered after every
 * lock held. The ext4 rule "xattr_sem nests inside a handle" is broken here by a
 * made-up expand_isize that starts a handle under xattr_sem, against
 * ext4_xattr_set's order. lockdep reports the same pair.
 */

struct lockdep_map { int key; };
struct lock_class_key { int id; };
struct rw_semaphore { long count; };
typedef struct journal_s { struct lockdep_map j_trans_commit_map; int j_barrier_count; } journal_t;
typedef struct handle_s { journal_t *h_journal; } handle_t;
struct ext4_inode_info { struct rw_semaphore xattr_sem; };

void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
handle_t *new_handle(journal_t *journal);

static struct lock_class_key jbd2_trans_commit_key;

#define jbd2_might_wait_for_commit(j) \
	do { \
		rwsem_acquire(&j->j_trans_commit_map, 0, 0, _THIS_IP_); \
		rwsem_release(&j->j_trans_commit_map, _THIS_IP_); \
	} while (0)

void journal_init(journal_t *journal)
{
	lockdep_init_map(&journal->j_trans_commit_map, "jbd2_handle", &jbd2_trans_commit_key, 0);
}

static int start_this_handle(journal_t *journal, int reserved)
{
	if (!reserved && journal->j_barrier_count)
		jbd2_might_wait_for_commit(journal);
	rwsem_acquire_read(&journal->j_trans_commit_map, 0, 1, _THIS_IP_);
	return 0;
}

handle_t *jbd2_journal_start(journal_t *journal)
{
	start_this_handle(journal, 0);
	return new_handle(journal);
}

int jbd2_journal_stop(handle_t *handle)
{
	rwsem_release(&handle->h_journal->j_trans_commit_map, _THIS_IP_);
	return 0;
}

void ext4_xattr_set(journal_t *journal, struct ext4_inode_info *ei)
{
	handle_t *handle = jbd2_journal_start(journal);

	down_write(&ei->xattr_sem); /* expect LO001: ext4_inode_info.xattr_sem -> jbd2_handle */
	up_write(&ei->xattr_sem);
	jbd2_journal_stop(handle);
}

void ext4_expand_extra_isize(journal_t *journal, struct ext4_inode_info *ei)
{
	handle_t *handle;

	down_write(&ei->xattr_sem);
	handle = jbd2_journal_start(journal);
	jbd2_journal_stop(handle);
	up_write(&ei->xattr_sem);
}
