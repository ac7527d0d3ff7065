/*
 * A callee that takes its lock only in one mode, named by an enum, and a
 * caller that passes the other mode as a constant (ADR-007 with the file's
 * enum constants; 6.1's hugetlb_unshare_pmds takes its flag as a bool, many
 * helpers take an enum). prune_locked holds tree_lock and asks for
 * WALK_UNLOCKED, so walk_node takes no node lock under it; the only order is
 * refresh_node's. The twin, 19-enum-argument_bad.c, passes WALK_LOCKED.
 *
 * expect-none
 */

struct mutex { long owner; };
struct node { struct mutex lock; int count; };

enum walk_mode { WALK_UNLOCKED, WALK_LOCKED };

static struct mutex tree_lock;

static void walk_node(struct node *n, enum walk_mode mode)
{
	if (mode == WALK_LOCKED)
		mutex_lock(&n->lock);
	n->count++;
	if (mode == WALK_LOCKED)
		mutex_unlock(&n->lock);
}

void prune_locked(struct node *n)
{
	mutex_lock(&tree_lock);
	walk_node(n, WALK_UNLOCKED);
	mutex_unlock(&tree_lock);
}

void refresh_node(struct node *n)
{
	mutex_lock(&n->lock);
	mutex_lock(&tree_lock);
	mutex_unlock(&tree_lock);
	mutex_unlock(&n->lock);
}
