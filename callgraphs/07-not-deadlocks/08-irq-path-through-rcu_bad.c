/*
 * S7-08 (bad twin) an interrupt inversion through a spinlock.
 *
 * The _ok twin with a spinlock where RCU was: the slab free path takes the
 * memory cgroup's move_lock under list_lock
 * (kmem_cache_node.list_lock -(EN)-> mem_cgroup.move_lock), and the lookup
 * holds move_lock (softirqs disabled, as a softirq-safe lock must be taken)
 * while locking the hash entry (mem_cgroup.move_lock -(EN)->
 * hash_entry.lock). hash_entry_put takes the entry's lock with softirqs
 * enabled. Now a softirq spinning on list_lock, on the CPU where
 * hash_entry_put holds the entry's lock, can wait for list_lock's holder,
 * who waits for move_lock, whose holder waits for that entry's lock: an
 * interrupt inversion along a strong path. move_lock, softirq-safe too,
 * makes the shorter one (move_lock -> hash_entry.lock), and that is the
 * finding: a path through another class a handler takes is that class's
 * (docs/rules/LO003.md).
 */

struct timer_list { unsigned long expires; };
typedef struct { int rlock; } spinlock_t;

struct kmem_cache_node { spinlock_t list_lock; int free_objects; };
struct mem_cgroup { spinlock_t move_lock; int charged; };
struct hash_entry { spinlock_t lock; int key; int refs; struct hash_entry *next; };
struct workspace { void *buf; struct timer_list timer; };

static struct timer_list reclaim_timer;
static struct kmem_cache_node cache_node;
static struct mem_cgroup *root_memcg;
static struct hash_entry *hash_table[64];
static struct workspace *idle_ws;

static int memcg_charged(void *obj)
{
	int charged;

	spin_lock(&root_memcg->move_lock); /* expect LO003: mem_cgroup.move_lock -> hash_entry.lock */
	charged = obj != NULL && root_memcg->charged;
	spin_unlock(&root_memcg->move_lock);
	return charged;
}

/* slab free path: the node's list lock, and the memcg's move_lock under it */
static void cache_free_object(void *obj)
{
	spin_lock(&cache_node.list_lock);
	if (memcg_charged(obj))
		cache_node.free_objects++;
	spin_unlock(&cache_node.list_lock);
}

/* softirq context: a timer callback frees the idle workspace */
static void ws_reclaim_timer_fn(struct timer_list *t)
{
	cache_free_object(idle_ws);
}

/* process context: lock the entry found under move_lock, softirqs disabled */
int hash_lookup_get(int key)
{
	struct hash_entry *e;
	int found = 0;

	spin_lock_bh(&root_memcg->move_lock);
	for (e = hash_table[key & 63]; e; e = e->next) {
		if (e->key != key)
			continue;
		spin_lock(&e->lock);
		e->refs++;
		spin_unlock(&e->lock);
		found = 1;
		break;
	}
	spin_unlock_bh(&root_memcg->move_lock);
	return found;
}

/* process context, softirqs enabled */
void hash_entry_put(struct hash_entry *e)
{
	spin_lock(&e->lock);
	e->refs--;
	spin_unlock(&e->lock);
}

void ws_init(void)
{
	timer_setup(&reclaim_timer, ws_reclaim_timer_fn, 0);
}
