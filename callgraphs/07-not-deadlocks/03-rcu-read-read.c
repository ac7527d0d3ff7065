/*
 * S7-03 read-read through rcu_read_lock.
 *
 * dget_parent spins on the parent's d_lock inside an RCU read-side section
 * (rcu_read_lock -> dentry.d_lock); d_walk_names looks up names under RCU
 * while holding d_lock (dentry.d_lock -> rcu_read_lock).  rcu_read_lock is a
 * recursive reader (R): the cycle enters rcu_read_lock as R and leaves it
 * holding R, so it is not strong in lockdep's sense and cannot deadlock
 * (an RCU reader never waits for anything).
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;

struct qstr { const char *name; unsigned int len; };
struct dentry {
	spinlock_t d_lock;
	struct dentry *d_parent;
	struct qstr d_name;
	int d_count;
};

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *ret;

	rcu_read_lock();
	ret = READ_ONCE(dentry->d_parent);
	spin_lock(&ret->d_lock);
	ret->d_count++;
	spin_unlock(&ret->d_lock);
	rcu_read_unlock();
	return ret;
}

int d_walk_names(struct dentry *dentry, char *buf, int buflen)
{
	const char *name;
	int len;

	spin_lock(&dentry->d_lock);
	rcu_read_lock();
	name = READ_ONCE(dentry->d_name.name);
	len = dentry->d_name.len;
	if (len > buflen)
		len = buflen;
	memcpy(buf, name, len);
	rcu_read_unlock();
	spin_unlock(&dentry->d_lock);
	return len;
}
