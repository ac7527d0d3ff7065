/*
 * A result tested with `< 0` first and `if (ret)` after: the second test still
 * knows which exit the callee took.
 *
 * 6.1 fs/btrfs/extent-tree.c: __btrfs_run_delayed_refs locks a ref head and
 * calls btrfs_run_delayed_refs_for_head, which returns 0 with the head's lock
 * still held, or a non-zero value after dropping it (a positive one when it
 * stopped to let the caller go on, a negative error). The caller reads it as
 *
 *	if (ret < 0 && ret != -EAGAIN) { ...; return ret; }
 *	else if (!ret) { ret = cleanup_ref_head(trans, locked_ref); ... }
 *
 * and cleanup_ref_head drops the lock. `ret < 0` alone cannot tell the two
 * exits apart (1 is not negative), but it must not forget them either: read
 * as "the result is no longer known", `!ret` took both sides, the positive
 * exit's lock looked dropped twice and the zero exit's lock looked kept past
 * the loop, into the transaction's later locks.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };
struct btrfs_delayed_ref_head { spinlock_t lock; int processing; };
struct btrfs_trans_handle { struct mutex *commit_mutex; int count; };

int run_one_ref(struct btrfs_delayed_ref_head *head);
struct btrfs_delayed_ref_head *select_ref_head(struct btrfs_trans_handle *trans);

/* 0 with head->lock held; 1 or an error after dropping it. */
static int run_refs_for_head(struct btrfs_delayed_ref_head *head)
{
	int ret = run_one_ref(head);

	if (ret < 0) {
		spin_unlock(&head->lock);
		return ret;
	}
	if (ret > 0) {
		spin_unlock(&head->lock);
		return 1;
	}
	return 0;
}

static void cleanup_ref_head(struct btrfs_delayed_ref_head *head)
{
	head->processing = 0;
	spin_unlock(&head->lock);
}

int run_delayed_refs(struct btrfs_trans_handle *trans)
{
	struct btrfs_delayed_ref_head *head;
	int ret;

	while ((head = select_ref_head(trans))) {
		spin_lock(&head->lock);
		ret = run_refs_for_head(head);
		if (ret < 0)
			return ret;
		else if (!ret)
			cleanup_ref_head(head);
	}
	mutex_lock(trans->commit_mutex);
	trans->count = 0;
	mutex_unlock(trans->commit_mutex);
	return 0;
}

/* The commit looks at a head under the commit mutex. */
void commit_transaction(struct btrfs_trans_handle *trans, struct btrfs_delayed_ref_head *head)
{
	mutex_lock(trans->commit_mutex);
	spin_lock(&head->lock);
	head->processing = 1;
	spin_unlock(&head->lock);
	mutex_unlock(trans->commit_mutex);
}
