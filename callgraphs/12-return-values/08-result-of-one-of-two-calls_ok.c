/*
 * A variable returned after a fallback call holds either call's result.
 *
 * find_key() asks the mount's own keys first and the user's keyring only
 * when that says -ENOENT (the shape of 6.1's
 * ecryptfs_find_auth_tok_for_sig): "rc = a(); if (rc == -ENOENT) rc = b();
 * return rc;". Each lookup returns 0 with the key's semaphore held, or an
 * error without it. Whichever call made rc last, its zero says the key is
 * held, so use_key()'s "if (rc) return rc;" leaves nothing held. Read as the
 * result of the fallback alone, the path that skipped it returned an unknown
 * value, and the key's semaphore leaked out of use_key() on its error path,
 * ordered before stats_mutex in account_key().
 *
 * expect-none
 */

#define ENOENT 2
#define ENOKEY 126

struct mutex { long owner; };
struct rw_semaphore { long count; };
struct key { struct rw_semaphore sem; struct key *next; int uses; };
struct keyring { struct mutex lock; struct key *first; };

static struct mutex stats_mutex;
static long key_stats;

static int find_mount_key(struct keyring *kr, struct key **out)
{
	struct key *k;

	mutex_lock(&kr->lock);
	k = kr->first;
	if (!k) {
		mutex_unlock(&kr->lock);
		return -ENOENT;
	}
	down_write(&k->sem);
	mutex_unlock(&kr->lock);
	*out = k;
	return 0;
}

static int find_user_key(struct keyring *user, struct key **out)
{
	struct key *k = user->first;

	if (!k)
		return -ENOKEY;
	down_write(&k->sem);
	*out = k;
	return 0;
}

static int find_key(struct keyring *kr, struct keyring *user, struct key **out)
{
	int rc = 0;

	rc = find_mount_key(kr, out);
	if (rc == -ENOENT)
		rc = find_user_key(user, out);
	return rc;
}

static int use_key(struct keyring *kr, struct keyring *user)
{
	struct key *k;
	int rc;

	rc = find_key(kr, user, &k);
	if (rc)
		return rc;
	k->uses++;
	up_write(&k->sem);
	return 0;
}

void account_key(struct keyring *kr, struct keyring *user)
{
	use_key(kr, user);
	mutex_lock(&stats_mutex);
	key_stats++;
	mutex_unlock(&stats_mutex);
}

void report_key(struct key *k)
{
	mutex_lock(&stats_mutex);
	down_read(&k->sem);
	key_stats += k->uses;
	up_read(&k->sem);
	mutex_unlock(&stats_mutex);
}
