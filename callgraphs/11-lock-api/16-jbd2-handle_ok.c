/*
 * expect-none
 *
 * The twin of 16-jbd2-handle_bad.c, where expand_isize starts a reserved
 * handle under xattr_sem. Starting a reserved handle never waits for the
 * commit (6.1's start_this_handle skips jbd2_might_wait_for_commit for one),
 * and the read of "jbd2_handle" it takes carries lockdep's trylock flag: it
 * orders after no held lock. So there is no xattr_sem -> jbd2_handle edge,
 * only ext4_xattr_set's jbd2_handle -> xattr_sem. (Read as a blocking read,
 * the start made the cycle of the _bad twin.)
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

handle_t *jbd2_journal_start_reserved(journal_t *journal)
{
	start_this_handle(journal, 1);
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

	down_write(&ei->xattr_sem);
	up_write(&ei->xattr_sem);
	jbd2_journal_stop(handle);
}

void ext4_expand_extra_isize(journal_t *journal, struct ext4_inode_info *ei)
{
	handle_t *handle;

	down_write(&ei->xattr_sem);
	handle = jbd2_journal_start_reserved(journal);
	jbd2_journal_stop(handle);
	up_write(&ei->xattr_sem);
}
