/*
 * S7-13 (twin) A loop whose head can be false is left there, lock and all.
 *
 * 13-while-one-leaves-by-break_ok.c with the wait loop written as
 * `while (!list_empty(&wait.entry))`, and the lock taken again at the end of
 * every pass: when the entry has been taken off the queue, the head is false
 * and pin_kill returns with the wait-queue lock held. cleanup_mnt then takes
 * the bitmap lock under it, the reverse of pin_remove's order. The bitmap lock
 * is a spinlock: a mutex there would sleep under a spinlock a callee returned,
 * which ADR-014 takes for an exit the analysis paired wrongly, the spinlock
 * not held past the sleep (a real one is a bug of its own, which
 * CONFIG_DEBUG_ATOMIC_SLEEP reports).
 */

typedef struct { int rlock; } spinlock_t;
struct list_head { struct list_head *next, *prev; };
struct wait_queue_head { spinlock_t lock; struct list_head head; };
struct wait_queue_entry { struct list_head entry; };
struct fs_pin {
	struct wait_queue_head wait;
	int done;
	void (*kill)(struct fs_pin *);
};
struct bitmap_info { spinlock_t bm_lock; };

struct bitmap_info *sbi;

int list_empty(const struct list_head *head);
void schedule(void);
void add_wait_queue_locked(struct wait_queue_head *q, struct wait_queue_entry *w);

void pin_kill(struct fs_pin *p)
{
	struct wait_queue_entry wait;

	spin_lock_irq(&p->wait.lock);
	if (!p->done) {
		p->done = -1;
		spin_unlock_irq(&p->wait.lock);
		p->kill(p);
		return;
	}
	add_wait_queue_locked(&p->wait, &wait);
	while (!list_empty(&wait.entry)) {
		spin_unlock_irq(&p->wait.lock);
		schedule();
		spin_lock_irq(&p->wait.lock);
		if (p->done > 0) {
			spin_unlock_irq(&p->wait.lock);
			break;
		}
	}
}

/* The final iput() of an inode on this file system frees its blocks. */
void free_blocks(void)
{
	spin_lock(&sbi->bm_lock); /* expect LO001: bitmap_info.bm_lock -> fs_pin.wait [confirmed] */
	spin_unlock(&sbi->bm_lock);
}

void cleanup_mnt(struct fs_pin *p)
{
	pin_kill(p);
	free_blocks();
}

/* A pin's owner wakes its waiters while the bitmap is locked. */
void pin_remove(struct fs_pin *p)
{
	spin_lock(&sbi->bm_lock);
	spin_lock_irq(&p->wait.lock);
	p->done = 1;
	spin_unlock_irq(&p->wait.lock);
	spin_unlock(&sbi->bm_lock);
}
