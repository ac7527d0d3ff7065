/*
 * S10-07 (bad twin) the PREEMPT_RT definition first.
 *
 * As 07-constant-written-as-a-call_ok.c, with the #ifdef written the other
 * way round: lockorder takes its first branch, USE_LOCKLESS_FAST_PATH() is
 * (false), do_slab_free takes the local lock under list_mutex, and
 * slab_free_locked takes them in the other order.
 */

typedef struct { int dep_map; } local_lock_t;
struct kmem_cache_cpu { local_lock_t lock; void *freelist; };
struct kmem_cache { struct kmem_cache_cpu *cpu_slab; };

#ifdef CONFIG_PREEMPT_RT
#define USE_LOCKLESS_FAST_PATH()	(false)
#else
#define USE_LOCKLESS_FAST_PATH()	(true)
#endif

static DEFINE_MUTEX(list_mutex);

void do_slab_free(struct kmem_cache *s, void *head)
{
	mutex_lock(&list_mutex);
	if (USE_LOCKLESS_FAST_PATH()) {
		s->cpu_slab->freelist = head;
	} else {
		local_lock(&s->cpu_slab->lock); /* expect LO001: kmem_cache_cpu.lock -> list_mutex [confirmed] */
		s->cpu_slab->freelist = head;
		local_unlock(&s->cpu_slab->lock);
	}
	mutex_unlock(&list_mutex);
}

void slab_free_locked(struct kmem_cache *s)
{
	local_lock(&s->cpu_slab->lock);
	mutex_lock(&list_mutex);
	mutex_unlock(&list_mutex);
	local_unlock(&s->cpu_slab->lock);
}
