/*
 * The twin of 23-error-pointer_ok.c, with a made-up bug: after a valid
 * handle, an error of the next step returns without committing, so the
 * transaction lock leaks to the caller, whose next start takes it again.
 */

struct mutex { int owner; };
struct journal { struct mutex j_trans_mutex; int j_readonly; };
typedef struct handle { struct journal *h_journal; } handle_t;
struct ocfs2_xattr_set_ctxt { handle_t *handle; int credits; };

void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
handle_t *new_handle(struct journal *journal);
int ocfs2_xattr_value_truncate(handle_t *handle);

enum { EROFS = 30 };

handle_t *ocfs2_start_trans(struct journal *journal)
{
	handle_t *handle;

	if (journal->j_readonly)
		return ERR_PTR(-EROFS);
	mutex_lock(&journal->j_trans_mutex); /* expect LO002: journal.j_trans_mutex */
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
	int ret;

	ctxt.handle = ocfs2_start_trans(journal);
	if (IS_ERR(ctxt.handle))
		return PTR_ERR(ctxt.handle);
	ret = ocfs2_xattr_value_truncate(ctxt.handle);
	if (ret)
		return ret;
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
