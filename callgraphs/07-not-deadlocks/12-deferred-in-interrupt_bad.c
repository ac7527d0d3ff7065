/*
 * S7-12 (twin) A free that unmaps at once in any context.
 *
 * 12-deferred-in-interrupt_ok.c without the in_interrupt() test: the timer
 * (softirq context) takes vmap_area_lock, which process context takes with
 * softirqs enabled. A timer that expires on the CPU that holds the lock spins
 * forever: {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}. The timer also frees under the
 * workspace lock, ordering it before the vmap lock, an irq-safe lock that
 * depends on an irq-unsafe one; that inversion goes into a class a handler
 * takes, whose own finding (the inconsistent state) it is, and is not
 * reported again (docs/rules/LO003.md).
 */

typedef struct { int rlock; } spinlock_t;
struct timer_list { unsigned long expires; };
struct vmap_area { unsigned long va_start; };

static spinlock_t vmap_area_lock;
static spinlock_t wsm_lock;
static struct timer_list reclaim_timer;

void free_vmap_area(struct vmap_area *va);
void defer_free(const void *addr);
struct vmap_area *find_vmap_area(const void *addr);
void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);

static void unmap_now(const void *addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = find_vmap_area(addr);
	spin_unlock(&vmap_area_lock);
	free_vmap_area(va);
}

void vfree(const void *addr)
{
	unmap_now(addr);
}

/* softirq context: the timer frees what it reclaims, under the workspace lock */
static void reclaim_timer_fn(struct timer_list *t)
{
	spin_lock(&wsm_lock);
	vfree(t);
	spin_unlock(&wsm_lock);
}

/* process context, bottom halves disabled: in_interrupt() is non-zero there too */
void cleanup_workspaces(void *ws)
{
	spin_lock_bh(&wsm_lock);
	vfree(ws);
	spin_unlock_bh(&wsm_lock);
}

/* process context, softirqs enabled */
void show_vmap_areas(void)
{
	spin_lock(&vmap_area_lock); /* expect LO003: vmap_area_lock */
	spin_unlock(&vmap_area_lock);
}

void reclaim_init(void)
{
	timer_setup(&reclaim_timer, reclaim_timer_fn, 0);
}
