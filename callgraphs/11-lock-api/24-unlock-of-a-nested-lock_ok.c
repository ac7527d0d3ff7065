/*
 * S11-24 An unlock drops the lock it names, whatever subclass it was taken
 * at.
 *
 * Shaped on 6.1 fs/libfs.c's scan_positives: with the parent dentry's
 * d_lock held, the loop takes each child's d_lock nested
 * (spin_lock_nested(&d->d_lock, DENTRY_D_LOCK_NESTED)) and drops it with
 * spin_unlock(&d->d_lock). lockdep releases the held lock of that object,
 * the child's d_lock/1; the parent's stays held until after the loop. No
 * deadlock.
 *
 * The analysis releases by class, the class itself first: the unlock of
 * d_lock drops the parent's d_lock (subclass 0), the child's d_lock/1 seems
 * held at the next pass, and it reports a recursive lock. The simulator
 * walks the loop releasing the lock the unlock names and finds no such
 * path; walked again releasing by class it does, and the verdict says
 * which unlock the two read differently (before: "internal
 * inconsistency"). Releasing by the unlock's text in the analysis too was
 * tried and not kept: 6.1's __d_move then leaks another d_lock on a path
 * the analysis cannot rule out (docs/simulator.md).
 *
 * The same through helpers, shaped on 6.1 mm/zsmalloc.c's __zs_compact:
 * the source zspage is locked with migrate_write_lock(), each destination
 * with migrate_write_lock_nested() (subclass 1), and migrate_write_unlock()
 * drops either. The walk writes a lock taken through a helper's parameter
 * with the caller's argument (&dst_zspage->lock) to tell the two apart.
 *
 * The _bad twin leaves the child's lock held on one path.
 */

struct spinlock { int raw; };
struct rwlock { int raw; };
struct list_head { struct list_head *next; };
struct dentry {
	struct spinlock d_lock;
	struct dentry *d_parent;
	struct list_head d_child;
	struct list_head d_subdirs;
	int d_flags;
};

struct dentry *scan_children(struct dentry *cursor, struct list_head *p, int count)
{
	struct dentry *dentry = cursor->d_parent, *found = 0;

	spin_lock(&dentry->d_lock);
	while ((p = p->next) != &dentry->d_subdirs) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (simple_positive(d) && !--count) {
			spin_lock_nested(&d->d_lock, DENTRY_D_LOCK_NESTED); /* expect LO002: dentry.d_lock/1 [not-reproduced] */
			if (simple_positive(d))
				found = dget_dlock(d);
			spin_unlock(&d->d_lock);
			if (found)
				break;
			count = 1;
		}
	}
	spin_unlock(&dentry->d_lock);
	return found;
}

struct zspage { struct rwlock lock; int inuse; };
struct zs_pool { struct spinlock lock; };

static void migrate_write_lock(struct zspage *zspage)
{
	write_lock(&zspage->lock);
}

static void migrate_write_lock_nested(struct zspage *zspage)
{
	write_lock_nested(&zspage->lock, SINGLE_DEPTH_NESTING); /* expect LO002: zspage.lock/1 [not-reproduced] */
}

static void migrate_write_unlock(struct zspage *zspage)
{
	write_unlock(&zspage->lock);
}

unsigned long compact(struct zs_pool *pool)
{
	struct zspage *src_zspage;
	struct zspage *dst_zspage = NULL;

	spin_lock(&pool->lock);
	while ((src_zspage = isolate_zspage(pool, 1))) {
		migrate_write_lock(src_zspage);
		while ((dst_zspage = isolate_zspage(pool, 0))) {
			migrate_write_lock_nested(dst_zspage);
			if (!migrate_zspage(pool, dst_zspage))
				break;
			migrate_write_unlock(dst_zspage);
			dst_zspage = NULL;
		}
		if (dst_zspage == NULL)
			break;
		migrate_write_unlock(dst_zspage);
		migrate_write_unlock(src_zspage);
	}
	spin_unlock(&pool->lock);
	return 0;
}
