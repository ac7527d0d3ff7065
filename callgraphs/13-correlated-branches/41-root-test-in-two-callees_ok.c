/*
 * A dentry and its parent locked by one helper and unlocked by another, each
 * testing IS_ROOT itself (6.1 fs/dcache.c, shrink_dentry_list):
 *
 *	shrink_lock_dentry(dentry)   returns true holding the parent's d_lock
 *	                             and the dentry's d_lock/1, unless
 *	                             IS_ROOT(dentry): then the dentry's alone;
 *	__dentry_kill(dentry)        parent = NULL; if (!IS_ROOT(dentry))
 *	                             parent = dentry->d_parent; ...
 *	                             if (parent) spin_unlock(&parent->d_lock);
 *
 * The kernel's two tests of IS_ROOT agree, and a dentry that is not a root
 * has a parent, so __dentry_kill drops exactly what shrink_lock_dentry took.
 * lockorder ties neither: __dentry_kill alone has an exit on which
 * 'parent = dentry->d_parent' was found NULL (a member read into a local is
 * not known to be non-NULL), and the IS_ROOT test of one callee says nothing
 * about the other's. On the path that skips the parent's unlock, the
 * dentry's 'spin_unlock(&dentry->d_lock)' then drops the parent's d_lock (the
 * analysis releases by class, subclass 0 first), the dentry's d_lock/1 stays
 * held, and the loop's next pass takes a d_lock under it: the reverse of
 * fs/dcache.c's documented order (a child's d_lock/1 nests inside its
 * parent's d_lock), one of the four false inversions of the Linux 6.1 triage.
 * The simulator, which drops the lock an unlock names, finds no such path and
 * says which unlock the analysis reads differently (not-reproduced).
 *
 * Tying the two would take what ADR-004 does within a function across calls:
 * an exit that says which side of a test on its parameter it took, and a
 * caller that keeps that side for the next callee given the same argument.
 */
struct spinlock { int v; };
struct list_head { struct list_head *next, *prev; };
struct dentry {
	struct spinlock d_lock;
	struct dentry *d_parent;
	int d_count;
	struct list_head d_lru;
};

#define DENTRY_D_LOCK_NESTED 1
#define IS_ROOT(x) ((x) == (x)->d_parent)

static bool shrink_lock_dentry(struct dentry *dentry)
{
	struct dentry *parent;

	if (dentry->d_count)
		return false;
	parent = dentry->d_parent;
	if (IS_ROOT(dentry) || likely(spin_trylock(&parent->d_lock)))
		return true;
	spin_unlock(&dentry->d_lock);
	spin_lock(&parent->d_lock);
	if (unlikely(parent != dentry->d_parent)) {
		spin_unlock(&parent->d_lock);
		spin_lock(&dentry->d_lock);
		return false;
	}
	spin_lock_nested(&dentry->d_lock, DENTRY_D_LOCK_NESTED);
	if (likely(!dentry->d_count))
		return true;
	spin_unlock(&parent->d_lock);
	return false;
}

static void __dentry_kill(struct dentry *dentry)
{
	struct dentry *parent = NULL;

	if (!IS_ROOT(dentry))
		parent = dentry->d_parent;
	if (parent)
		spin_unlock(&parent->d_lock);
	spin_unlock(&dentry->d_lock);
	spin_lock(&dentry->d_lock);
	spin_unlock(&dentry->d_lock);
}

void shrink_dentry_list(struct list_head *list)
{
	while (!list_empty(list)) {
		struct dentry *dentry;

		dentry = list_entry(list->prev, struct dentry, d_lru);
		spin_lock(&dentry->d_lock);	/* expect-fp LO001: dentry.d_lock -> dentry.d_lock/1 [not-reproduced] — IS_ROOT tested in two callees is not tied, and __dentry_kill's 'parent = dentry->d_parent' may seem NULL */
		if (!shrink_lock_dentry(dentry)) {
			spin_unlock(&dentry->d_lock);
			continue;
		}
		__dentry_kill(dentry);
	}
}
