/*
 * The restart with the lock still held (twin): the callee keeps its caller's
 * lock across its own work and returns the object, and the caller goes back to
 * take the lock again.
 *
 * 06-returned-variable-says-the-lock-was-dropped_ok.c with reset_owner
 * working under its caller's master_lock (no unlock first, and no lock of its
 * own around put_mle): the non-NULL exit still holds master_lock, and `goto
 * top` takes it a second time. The test of `res` no longer takes or drops a
 * lock on one side, so what the exit returns says nothing about the lock: the
 * finding stands whatever it returns.
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
		spin_lock(&res->spinlock);
		res->owner = -1;
		spin_unlock(&res->spinlock);
		put_lockres(res);

		put_mle(mle);
	}
	return res;
}

void clean_master_list(struct dlm_ctxt *dlm)
{
	struct master_entry *mle;
	struct lock_resource *res;

top:
	spin_lock(&dlm->master_lock); /* expect LO002: dlm_ctxt.master_lock [confirmed] */
	for (mle = dlm->mles; mle; mle = mle->next) {
		res = reset_owner(dlm, mle);
		if (res)
			goto top;
	}
	spin_unlock(&dlm->master_lock);
}
