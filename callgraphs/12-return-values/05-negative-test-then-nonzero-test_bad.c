/*
 * `< 0` then `if (ret)` (twin): the caller handles the positive exit as if it
 * still held the lock.
 *
 * 05-negative-test-then-nonzero-test_ok.c with `else if (!ret)` written
 * `else if (ret)`: the zero exit, which holds head->lock, skips the cleanup
 * that drops it, and the loop goes on to the commit mutex with the lock held,
 * the reverse of commit_transaction's order.
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
		spin_lock(&head->lock); /* expect LO002: btrfs_delayed_ref_head.lock [confirmed] */
		ret = run_refs_for_head(head);
		if (ret < 0)
			return ret;
		else if (ret)
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
	spin_lock(&head->lock); /* expect LO001: btrfs_delayed_ref_head.lock -> btrfs_trans_handle.commit_mutex [confirmed] */
	head->processing = 1;
	spin_unlock(&head->lock);
	mutex_unlock(trans->commit_mutex);
}
