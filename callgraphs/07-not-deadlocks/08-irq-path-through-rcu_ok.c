/*
 * S7-08 no interrupt inversion through an RCU read-side section.
 *
 * A timer callback (softirq context) frees a workspace: the free takes the
 * slab node's list_lock, so list_lock is {IN-SOFTIRQ-W}. With list_lock held,
 * the slab code looks up the object's memory cgroup under RCU
 * (kmem_cache_node.list_lock -(ER)-> rcu_read_lock). Elsewhere, a lookup walks
 * a hash chain under RCU and locks the entry it found, with softirqs enabled
 * (rcu_read_lock -(SN)-> hash_entry.lock), and hash_entry_put takes the
 * entry's lock with softirqs enabled (hash_entry.lock {SOFTIRQ-ON-W}).
 *
 * The chain list_lock -> rcu_read_lock -> hash_entry.lock is not a strong
 * dependency path: rcu_read_lock is entered by a recursive reader and left
 * from a reader-held lock. An RCU reader never waits for another reader, so
 * the softirq spinning on list_lock can never be waiting, through RCU, for
 * the hash_entry.lock its own CPU holds. lockdep's search (only_xr) does not
 * follow such a chain either. The _bad twin puts a spinlock where RCU is.
 *
 * expect-none
 */

struct timer_list { unsigned long expires; };
typedef struct { int rlock; } spinlock_t;

struct kmem_cache_node { spinlock_t list_lock; int free_objects; };
struct hash_entry { spinlock_t lock; int key; int refs; struct hash_entry *next; };
struct workspace { void *buf; struct timer_list timer; };

static struct timer_list reclaim_timer;
static struct kmem_cache_node cache_node;
static struct hash_entry *hash_table[64];
static struct workspace *idle_ws;

static int memcg_charged(void *obj)
{
	int charged;

	rcu_read_lock();
	charged = obj != NULL;
	rcu_read_unlock();
	return charged;
}

/* slab free path: the node's list lock, and a memcg lookup under it */
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

/* process context: lock the entry found under RCU */
int hash_lookup_get(int key)
{
	struct hash_entry *e;
	int found = 0;

	rcu_read_lock();
	for (e = hash_table[key & 63]; e; e = e->next) {
		if (e->key != key)
			continue;
		spin_lock(&e->lock);
		e->refs++;
		spin_unlock(&e->lock);
		found = 1;
		break;
	}
	rcu_read_unlock();
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
