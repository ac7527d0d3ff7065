/*
 * assert_spin_locked(lock) BUG()s unless the spinlock is held: the function
 * says its caller holds the lock, like lockdep_assert_held.  The lock model
 * declares it an assertion, so the function's own acquisitions are ordered
 * after the asserted lock even when no caller is in the analyzed code.
 *
 * fs/inode.c keeps inodes on an LRU list: inode_add_lru runs with the inode's
 * i_lock held and takes the list's lock; the shrinker's isolate callback runs
 * with the list's lock held and must not wait for an i_lock, so it only tries
 * it (spin_trylock, 02-assert-spin-locked_ok.c).  inode_lru_isolate_ish here
 * waits for it instead.
 *
 * Must report:
 *   LO001 inode.i_lock -> list_lru_node.lock.
 */

typedef struct { int rlock; } spinlock_t;
struct list_head { struct list_head *next, *prev; };
struct list_lru_node { spinlock_t lock; struct list_head list; long nr_items; };
struct inode { spinlock_t i_lock; unsigned long i_state; struct list_head i_lru; };

void inode_add_lru_ish(struct inode *inode, struct list_lru_node *nlru)
{
	assert_spin_locked(&inode->i_lock);
	spin_lock(&nlru->lock);	/* expect LO001: inode.i_lock -> list_lru_node.lock */
	list_add_tail(&inode->i_lru, &nlru->list);
	nlru->nr_items++;
	spin_unlock(&nlru->lock);
}

static int inode_lru_isolate_ish(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	inode->i_state |= 1;
	spin_unlock(&inode->i_lock);
	return 0;
}

long list_lru_walk_one_ish(struct list_lru_node *nlru, struct inode *inode)
{
	long isolated;

	spin_lock(&nlru->lock);
	isolated = inode_lru_isolate_ish(inode);
	spin_unlock(&nlru->lock);
	return isolated;
}
