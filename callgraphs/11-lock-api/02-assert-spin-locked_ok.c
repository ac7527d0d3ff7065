/*
 * The twin of 02-assert-spin-locked_bad.c, as fs/inode.c does it: the
 * shrinker's isolate callback runs with the LRU list's lock held and only
 * tries the inode's i_lock (spin_trylock), skipping the inode when it is
 * taken.  inode_add_lru_ish still asserts i_lock and takes the list's lock
 * (inode.i_lock -> list_lru_node.lock), but nothing orders them back.
 *
 * Must report nothing.  expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct list_head { struct list_head *next, *prev; };
struct list_lru_node { spinlock_t lock; struct list_head list; long nr_items; };
struct inode { spinlock_t i_lock; unsigned long i_state; struct list_head i_lru; };

void inode_add_lru_ish(struct inode *inode, struct list_lru_node *nlru)
{
	assert_spin_locked(&inode->i_lock);
	spin_lock(&nlru->lock);
	list_add_tail(&inode->i_lru, &nlru->list);
	nlru->nr_items++;
	spin_unlock(&nlru->lock);
}

static int inode_lru_isolate_ish(struct inode *inode)
{
	if (!spin_trylock(&inode->i_lock))
		return 1;
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
