/*
 * The same helper, called by a caller that returns every error as it is.
 *
 * On -EAGAIN, recycle() returns still holding the flags lock, and
 * cache_hit() returns it on: iget() then takes another spinlock under the flags
 * lock, while other_first() takes them the other way round. An ABBA cycle,
 * confirmed.
 */
#define EAGAIN 11
#define ENOMEM 12

struct spinlock { int raw; };
struct inode { struct spinlock i_flags_lock; int flags; };
struct spinlock other;

static int recycle(struct inode *ip)
{
	if (!ilock_nowait(ip))
		return -EAGAIN;
	spin_unlock(&ip->i_flags_lock);
	if (reinit(ip))
		return -ENOMEM;
	return 0;
}

int cache_hit(struct inode *ip)
{
	int error;

	spin_lock(&ip->i_flags_lock);
	if (ip->flags) {
		error = recycle(ip);
		if (error)
			return error;
	} else {
		spin_unlock(&ip->i_flags_lock);
	}
	return 0;
out_skip:
	spin_unlock(&ip->i_flags_lock);
	return -EAGAIN;
}

void iget(struct inode *ip)
{
	cache_hit(ip);
	spin_lock(&other); /* expect LO001: inode.i_flags_lock -> other [confirmed] */
	spin_unlock(&other);
}

void other_first(struct inode *ip)
{
	spin_lock(&other);
	cache_hit(ip);
	spin_unlock(&other);
}
