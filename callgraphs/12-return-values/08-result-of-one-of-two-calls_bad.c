/*
 * A fallback lookup that returns an error still holding the key (twin).
 *
 * 08-result-of-one-of-two-calls_ok.c where find_user_key() returns
 * -EKEYEXPIRED for an expired key after taking its semaphore: find_key()
 * passes that error on, use_key() returns it holding the semaphore, and
 * account_key() takes stats_mutex under it, the reverse of report_key().
 * The cycle is real.
 */

#define ENOENT 2
#define ENOKEY 126
#define EKEYEXPIRED 127

struct mutex { long owner; };
struct rw_semaphore { long count; };
struct key { struct rw_semaphore sem; struct key *next; int uses; int expired; };
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
	if (k->expired)
		return -EKEYEXPIRED;
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
	mutex_lock(&stats_mutex); /* expect LO001: key.sem -> stats_mutex [confirmed] */
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
