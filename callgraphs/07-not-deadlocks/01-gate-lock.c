/*
 * S7-01 gate lock: opposite orders, both under one global outer lock.
 *
 * port_attach takes port_lock -> link_lock and link_detach takes
 * link_lock -> port_lock, so the class graph has the cycle.  Both paths run
 * with topology_mutex held, so the two threads can never be inside the
 * cycle at the same time.  The tool lists the cycle as gated (every witness
 * of every edge holds topology_mutex); the simulator says "not reproduced";
 * it does not fail CI.
 *
 * Must report: LO001 gated port_lock -> link_lock.
 */

struct mutex { long owner; };
typedef struct { int rlock; } spinlock_t;

struct port { int id; int state; };

static DEFINE_MUTEX(topology_mutex);
static DEFINE_SPINLOCK(port_lock);
static DEFINE_SPINLOCK(link_lock);

static int nr_links;

static void port_attach(struct port *p)
{
	mutex_lock(&topology_mutex);
	spin_lock(&port_lock);
	p->state = 1;
	spin_lock(&link_lock); /* expect LO001 gated: port_lock -> link_lock */
	nr_links++;
	spin_unlock(&link_lock);
	spin_unlock(&port_lock);
	mutex_unlock(&topology_mutex);
}

static void link_detach(struct port *p)
{
	mutex_lock(&topology_mutex);
	spin_lock(&link_lock);
	nr_links--;
	spin_lock(&port_lock);
	p->state = 0;
	spin_unlock(&port_lock);
	spin_unlock(&link_lock);
	mutex_unlock(&topology_mutex);
}
