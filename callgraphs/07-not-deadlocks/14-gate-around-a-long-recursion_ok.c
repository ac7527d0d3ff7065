/*
 * S7-14 A gate lock held around a long recursion.
 *
 * Sixteen visitors call each other in a ring, the last back to the first (a
 * tree walk over node kinds written as mutual recursion). visit_dir takes
 * map_lock then ino_lock; visit_root, the other way round. The only way into
 * the ring is walk_tree, which holds tree_mutex, a global mutex, so the two
 * orders can never run at once: the cycle is serialized.
 *
 * Which locks are held on every path into a function is a fixpoint over the
 * call graph, and inside a recursion the news may travel against the order
 * the functions are visited in: here it needs one pass per visitor. Until
 * stop 49 the analysis stopped after ten passes, and visitors it had not
 * reached by then counted as entered with nothing held; this cycle was
 * reported as a plain deadlock.
 *
 * The _bad twin enters the ring a second way, without the mutex.
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
	spin_lock(&map_lock); /* expect LO001 gated: ino_lock -> map_lock */
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
