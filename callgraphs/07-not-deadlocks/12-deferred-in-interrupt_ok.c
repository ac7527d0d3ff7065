/*
 * S7-12 A free that defers when called in interrupt context.
 *
 * 6.1 mm/vmalloc.c: vfree() unmaps at once, under the vmap locks, only when
 * !in_interrupt(); in interrupt context __vfree() puts the area on a
 * per-CPU list for a work item to free. btrfs's zstd workspace reclaim
 * (fs/btrfs/zstd.c) is a timer, softirq context, and frees workspaces with
 * kvfree() -> vfree(); process context takes the vmap lock with softirqs
 * enabled. The timer's path to the lock is the task-only side of
 * in_interrupt() (the linux profile's in-interrupt test): no {IN-SOFTIRQ-W}
 * use, no inconsistent lock state. Nor does the timer, which frees under the
 * workspace lock, order that lock before the vmap lock; and the cleanup that
 * frees under spin_lock_bh() runs with in_interrupt() non-zero too (bottom
 * halves disabled), so it defers as well. The twin,
 * 12-deferred-in-interrupt_bad.c, frees at once whatever the context.
 *
 * expect-none
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
	if (unlikely(in_interrupt()))
		defer_free(addr);
	else
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
	spin_lock(&vmap_area_lock);
	spin_unlock(&vmap_area_lock);
}

void reclaim_init(void)
{
	timer_setup(&reclaim_timer, reclaim_timer_fn, 0);
}
