/*
 * S11-24 (bad twin) The nested lock left held on one path.
 *
 * The same loop, but the child's d_lock/1 is dropped only when the child is
 * positive: on the other path the next pass takes another child's d_lock at
 * subclass 1 while one is held, which lockdep reports as recursive locking.
 * So does lockorder, and its simulator confirms it with two scans holding
 * one child each. The unlock that is there drops the child's lock, not the
 * parent's, so the report is about the path without it.
 */

struct spinlock { int raw; };
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
			spin_lock_nested(&d->d_lock, DENTRY_D_LOCK_NESTED); /* expect LO002: dentry.d_lock/1 [confirmed] */
			if (simple_positive(d)) {
				found = dget_dlock(d);
				spin_unlock(&d->d_lock);
			}
			if (found)
				break;
			count = 1;
		}
	}
	spin_unlock(&dentry->d_lock);
	return found;
}
