/*
 * S13-36 A result tested for NULL before a for_each macro reuses its
 * variable.
 *
 * Shaped on 6.1 mm/oom_kill.c: find_lock_task_mm() returns a thread with
 * its task_lock() held, or NULL with nothing held; __oom_kill_process()
 * returns at once on NULL, drops the lock with task_unlock(victim), and
 * later walks every process with for_each_process(p), the same variable.
 * No lock outlives kill_process().
 *
 * The macro assigns p, and the tokens do not show how, so p was left
 * untracked: its NULL test no longer said that the NULL result took no
 * lock, and the NULL path returned holding task_struct.alloc_lock. Every
 * allocation that can reach the OOM killer then seemed to run under it:
 * on Linux 6.1 fs/ + mm/, 1,077 of the 1,083 edges out of
 * task_struct.alloc_lock. A plain name given to such a macro is now an
 * assignment of an unknown value where the macro stands (for a loop head,
 * before each test of the loop), and followed like any other.
 *
 * The _bad twin returns early with the thread still locked.
 *
 * expect-none
 */
struct spinlock { int raw; };
struct mm_struct { int users; };
struct list_head { struct list_head *next; };
struct task_struct { struct spinlock alloc_lock; struct mm_struct *mm; struct list_head thread_head; struct list_head thread_node; };

#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, typeof(*pos), member); \
	     &pos->member != (head); \
	     pos = list_next_entry(pos, member))
#define for_each_thread(p, t) list_for_each_entry(t, &(p)->thread_head, thread_node)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task; )
struct spinlock other_lock;
extern struct task_struct init_task;

static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

struct task_struct *find_lock_task_mm(struct task_struct *p)
{
	struct task_struct *t;

	rcu_read_lock();
	for_each_thread(p, t) {
		task_lock(t);
		if (likely(t->mm))
			goto found;
		task_unlock(t);
	}
	t = NULL;
found:
	rcu_read_unlock();
	return t;
}

static void kill_process(struct task_struct *victim)
{
	struct task_struct *p;

	p = find_lock_task_mm(victim);
	if (!p) {
		put_task_struct(victim);
		return;
	} else if (victim != p) {
		get_task_struct(p);
		put_task_struct(victim);
		victim = p;
	}
	victim->mm->users++;
	task_unlock(victim);

	for_each_process(p) {
		if (p->mm != victim->mm)
			continue;
		p->mm->users--;
	}
}

void oom(struct task_struct *victim)
{
	kill_process(victim);
	spin_lock(&other_lock);
	spin_unlock(&other_lock);
}

void other(struct task_struct *t)
{
	spin_lock(&other_lock);
	task_lock(t);
	task_unlock(t);
	spin_unlock(&other_lock);
}
