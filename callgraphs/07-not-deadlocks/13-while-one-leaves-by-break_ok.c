/*
 * S7-13 A `while (1)` loop is left only where it breaks.
 *
 * 6.1 fs/fs_pin.c: pin_kill waits for another task to finish with a pin. It
 * takes the pin's wait-queue lock, and its wait loop is `while (1)`: each
 * pass drops the lock, sleeps, and either breaks out (nothing left to wait
 * for) or takes the lock again to look at p->done, dropping it before it
 * breaks. The loop head is never left, so pin_kill returns with nothing held,
 * and what cleanup_mnt does next (in 6.1 a dput() whose final iput() evicts
 * the inode, here free_blocks() for short) runs outside the wait-queue lock.
 * The file system takes its own lock before a pin's wake-up elsewhere: no
 * cycle. The twin,
 * 13-while-one-leaves-by-break_bad.c, tests p->done in the loop's head.
 *
 * expect-none
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
	while (1) {
		spin_unlock_irq(&p->wait.lock);
		schedule();
		if (list_empty(&wait.entry))
			break;
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
	spin_lock(&sbi->bm_lock);
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
