/*
 * S7-14 (twin) The same ring of visitors, entered a second way:
 * walk_subtree calls visit_tail without tree_mutex, and from there the ring
 * reaches both orders. Nothing serializes them any more: the cycle is a
 * deadlock, and the fixpoint has to carry "entered without the mutex" from
 * visit_tail all the way round to visit_dir and visit_root.
 */

struct mutex { long owner; };
typedef struct { int rlock; } spinlock_t;
struct node { struct node *child; int kind; };

static DEFINE_MUTEX(tree_mutex);
static DEFINE_SPINLOCK(map_lock);
static DEFINE_SPINLOCK(ino_lock);

static void visit_root(struct node *n);
static void visit_dir(struct node *n);
static void visit_file(struct node *n);
static void visit_link(struct node *n);
static void visit_dev(struct node *n);
static void visit_fifo(struct node *n);
static void visit_sock(struct node *n);
static void visit_xattr(struct node *n);
static void visit_acl(struct node *n);
static void visit_quota(struct node *n);
static void visit_journal(struct node *n);
static void visit_extent(struct node *n);
static void visit_inline(struct node *n);
static void visit_hole(struct node *n);
static void visit_tail(struct node *n);
static void visit_leaf(struct node *n);

static void visit_root(struct node *n)
{
	spin_lock(&ino_lock);
	spin_lock(&map_lock); /* expect LO001: ino_lock -> map_lock [confirmed] */
	spin_unlock(&map_lock);
	spin_unlock(&ino_lock);
	if (n->child)
		visit_leaf(n->child);
}

static void visit_dir(struct node *n)
{
	spin_lock(&map_lock);
	spin_lock(&ino_lock);
	spin_unlock(&ino_lock);
	spin_unlock(&map_lock);
	if (n->child)
		visit_root(n->child);
}

static void visit_file(struct node *n)
{
	if (n->child)
		visit_dir(n->child);
}

static void visit_link(struct node *n)
{
	if (n->child)
		visit_file(n->child);
}

static void visit_dev(struct node *n)
{
	if (n->child)
		visit_link(n->child);
}

static void visit_fifo(struct node *n)
{
	if (n->child)
		visit_dev(n->child);
}

static void visit_sock(struct node *n)
{
	if (n->child)
		visit_fifo(n->child);
}

static void visit_xattr(struct node *n)
{
	if (n->child)
		visit_sock(n->child);
}

static void visit_acl(struct node *n)
{
	if (n->child)
		visit_xattr(n->child);
}

static void visit_quota(struct node *n)
{
	if (n->child)
		visit_acl(n->child);
}

static void visit_journal(struct node *n)
{
	if (n->child)
		visit_quota(n->child);
}

static void visit_extent(struct node *n)
{
	if (n->child)
		visit_journal(n->child);
}

static void visit_inline(struct node *n)
{
	if (n->child)
		visit_extent(n->child);
}

static void visit_hole(struct node *n)
{
	if (n->child)
		visit_inline(n->child);
}

static void visit_tail(struct node *n)
{
	if (n->child)
		visit_hole(n->child);
}

static void visit_leaf(struct node *n)
{
	if (n->child)
		visit_tail(n->child);
}

void walk_tree(struct node *top)
{
	mutex_lock(&tree_mutex);
	visit_leaf(top);
	mutex_unlock(&tree_mutex);
}

void walk_subtree(struct node *top)
{
	visit_tail(top);
}
