/*
 * S10-07 A constant written as a call decides the branch.
 *
 * 6.1 mm/slub.c defines USE_LOCKLESS_FAST_PATH() as (true) unless
 * CONFIG_PREEMPT_RT, as (false) with it; do_slab_free takes the per-CPU
 * local_lock only on the PREEMPT_RT side of 'if (USE_LOCKLESS_FAST_PATH())'.
 * lockorder takes the first branch of an #ifdef, and expands a macro without
 * parameters whose body is true, false, 0 or 1: the 'if' is then a literal
 * with one side, and the PREEMPT_RT-only lock is never taken. Read as a call
 * of an unknown function, both sides stayed open, and slab_free_locked
 * closed a cycle with the RT-only lock under list_mutex.
 *
 * The twin, 07-constant-written-as-a-call_bad.c, defines the macro as (false)
 * first: the local lock is taken, and the cycle is real for that build.
 *
 * expect-none
 */

typedef struct { int dep_map; } local_lock_t;
struct kmem_cache_cpu { local_lock_t lock; void *freelist; };
struct kmem_cache { struct kmem_cache_cpu *cpu_slab; };

#ifndef CONFIG_PREEMPT_RT
#define USE_LOCKLESS_FAST_PATH()	(true)
#else
#define USE_LOCKLESS_FAST_PATH()	(false)
#endif

static DEFINE_MUTEX(list_mutex);

void do_slab_free(struct kmem_cache *s, void *head)
{
	mutex_lock(&list_mutex);
	if (USE_LOCKLESS_FAST_PATH()) {
		s->cpu_slab->freelist = head;
	} else {
		local_lock(&s->cpu_slab->lock);
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
