/*
 * A callee returns one error code still holding its caller's lock, and the
 * caller compares the result with that code.
 *
 * Shaped on 6.1 fs/xfs/xfs_icache.c: xfs_iget_cache_hit() takes the inode's
 * i_flags_lock and calls xfs_iget_recycle(), which drops it, except when
 * it cannot take the ILOCK: then it returns -EAGAIN still holding it, and
 * the caller's "if (error == -EAGAIN) goto out_skip;" drops it there. Every
 * other error returns after the unlock. No lock outlives cache_hit().
 *
 * The comparison with -EAGAIN told a zero result from the others, not one
 * non-zero result from another, so the -EAGAIN exit also took "if (error)
 * return error;" and cache_hit() seemed to return holding the flags lock:
 * on Linux 6.1 fs/ + mm/, 423 edges out of xfs_inode.i_flags_lock and a
 * recursive-locking report. An exit now keeps the non-zero constant it
 * returns, and a comparison with that constant takes one edge for it.
 *
 * The _bad twin has no -EAGAIN branch.
 *
 * expect-none
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
		if (error == -EAGAIN)
			goto out_skip;
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
	spin_lock(&other);
	spin_unlock(&other);
}

void other_first(struct inode *ip)
{
	spin_lock(&other);
	cache_hit(ip);
	spin_unlock(&other);
}
