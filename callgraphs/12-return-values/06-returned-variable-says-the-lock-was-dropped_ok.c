/*
 * A function whose return value says whether it dropped its caller's lock:
 * NULL with the lock still held, an object after dropping the lock (and
 * taking it again only around its own work). The caller restarts its walk,
 * from the lock, only on the second.
 *
 * 6.1 fs/ocfs2/dlm/dlmmaster.c, dlm_reset_mleres_owner and its caller
 * dlm_clean_master_list:
 *
 *	res = __dlm_lookup_lockres(dlm, ...);
 *	if (res) {
 *		spin_unlock(&dlm->master_lock);
 *		... the lockres's own lock, then the mle under master_lock ...
 *	}
 *	return res;
 *
 * and, in the caller, under master_lock: `if (dlm_reset_mleres_owner(..))
 * goto top;` where top takes master_lock again. The test of `res` drops the
 * lock on one side only, so the `return res` that follows carries what the
 * test decided: NULL with master_lock held, non-NULL without it. Read as an
 * unknown value, both exits reached the restart, and master_lock was taken
 * twice.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct lock_resource { spinlock_t spinlock; int owner; };
struct master_entry { struct master_entry *next; int name; };
struct dlm_ctxt { spinlock_t master_lock; struct master_entry *mles; };

struct lock_resource *lookup_lockres(struct dlm_ctxt *dlm, int name);
void put_lockres(struct lock_resource *res);
void put_mle(struct master_entry *mle);

static struct lock_resource *reset_owner(struct dlm_ctxt *dlm, struct master_entry *mle)
{
	struct lock_resource *res;

	res = lookup_lockres(dlm, mle->name);
	if (res) {
		spin_unlock(&dlm->master_lock);

		spin_lock(&res->spinlock);
		res->owner = -1;
		spin_unlock(&res->spinlock);
		put_lockres(res);

		spin_lock(&dlm->master_lock);
		put_mle(mle);
		spin_unlock(&dlm->master_lock);
	}
	return res;
}

void clean_master_list(struct dlm_ctxt *dlm)
{
	struct master_entry *mle;
	struct lock_resource *res;

top:
	spin_lock(&dlm->master_lock);
	for (mle = dlm->mles; mle; mle = mle->next) {
		res = reset_owner(dlm, mle);
		if (res)
			goto top;
	}
	spin_unlock(&dlm->master_lock);
}
