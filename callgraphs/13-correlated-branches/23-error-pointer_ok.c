/*
 * expect-none
 *
 * ocfs2's transactions, shaped as 6.1 writes them (fs/ocfs2/journal.c): the
 * start returns an error pointer without starting anything, or the handle
 * with the journal's transaction lock held until the commit. Callers keep
 * the handle in a member of a context on their stack and test it with
 * IS_ERR: on the error side nothing is held. (Read as "non-zero, maybe
 * holding", the error pointer returned the lock held too, and the next
 * transaction started after an error took it again.)
 */

struct mutex { int owner; };
struct journal { struct mutex j_trans_mutex; int j_readonly; };
typedef struct handle { struct journal *h_journal; } handle_t;
struct ocfs2_xattr_set_ctxt { handle_t *handle; int credits; };

void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
handle_t *new_handle(struct journal *journal);

enum { EROFS = 30 };

handle_t *ocfs2_start_trans(struct journal *journal)
{
	handle_t *handle;

	if (journal->j_readonly)
		return ERR_PTR(-EROFS);
	mutex_lock(&journal->j_trans_mutex);
	handle = new_handle(journal);
	return handle;
}

void ocfs2_commit_trans(handle_t *handle)
{
	mutex_unlock(&handle->h_journal->j_trans_mutex);
}

int ocfs2_remove_value_outside(struct journal *journal)
{
	struct ocfs2_xattr_set_ctxt ctxt = { NULL, 0 };

	ctxt.handle = ocfs2_start_trans(journal);
	if (IS_ERR(ctxt.handle))
		return PTR_ERR(ctxt.handle);
	ocfs2_commit_trans(ctxt.handle);
	return 0;
}

int ocfs2_wipe_inode(struct journal *journal)
{
	handle_t *handle;
	int ret;

	ret = ocfs2_remove_value_outside(journal);
	handle = ocfs2_start_trans(journal);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	ocfs2_commit_trans(handle);
	return ret;
}
