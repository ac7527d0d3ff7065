/*
 * The twin of 19-enum-argument_ok.c whose prune_locked asks walk_node for
 * WALK_LOCKED: it takes the node's lock under tree_lock, the reverse of
 * refresh_node's order.
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
	walk_node(n, WALK_LOCKED); /* expect LO001: node.lock -> tree_lock */
	mutex_unlock(&tree_lock);
}

void refresh_node(struct node *n)
{
	mutex_lock(&n->lock);
	mutex_lock(&tree_lock);
	mutex_unlock(&tree_lock);
	mutex_unlock(&n->lock);
}
