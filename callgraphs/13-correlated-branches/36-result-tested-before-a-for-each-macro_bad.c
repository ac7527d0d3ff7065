/*
 * S13-36 (bad twin) The same, with an early return that keeps the thread
 * locked.
 *
 * kill_process() returns without task_unlock() when the mm has other users,
 * so oom() takes other_lock under task_struct.alloc_lock, while other()
 * takes them the other way round: an ABBA cycle, confirmed.
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
	if (victim->mm->users > 1)
		return;
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
	spin_lock(&other_lock); /* expect LO001: task_struct.alloc_lock -> other_lock [confirmed] */
	spin_unlock(&other_lock);
}

void other(struct task_struct *t)
{
	spin_lock(&other_lock);
	task_lock(t);
	task_unlock(t);
	spin_unlock(&other_lock);
}
