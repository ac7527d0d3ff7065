/*
 * S7-11 (twin) A branch that logs and carries on falls through.
 *
 * 11-bug-ends-the-path_ok.c with printk() where 6.1's jffs2_erase_pending_blocks
 * has BUG(): a pass that took no block now reaches the re-lock at the end of
 * the loop still holding erase_free_sem and erase_completion_lock, and takes
 * each again (reported once per lock); it also takes the mutex under the
 * spinlock, the reverse of the function's first order.
 */

struct mutex { int owner; };
typedef struct { int rlock; } spinlock_t;
struct list_head { struct list_head *next, *prev; };
struct jffs2_sb_info {
	struct mutex erase_free_sem;
	spinlock_t erase_completion_lock;
	struct list_head erase_complete_list;
	struct list_head erase_pending_list;
};

int list_empty(const struct list_head *head);
int printk(const char *fmt, ...);
void erase_one(struct jffs2_sb_info *c);
void cond_resched(void);

void jffs2_erase_pending_blocks(struct jffs2_sb_info *c, int count)
{
	mutex_lock(&c->erase_free_sem);
	spin_lock(&c->erase_completion_lock); /* expect LO001: jffs2_sb_info.erase_completion_lock -> jffs2_sb_info.erase_free_sem */
	while (!list_empty(&c->erase_complete_list) || !list_empty(&c->erase_pending_list)) {
		if (!list_empty(&c->erase_complete_list)) {
			spin_unlock(&c->erase_completion_lock);
			mutex_unlock(&c->erase_free_sem);
			erase_one(c);
		} else if (!list_empty(&c->erase_pending_list)) {
			spin_unlock(&c->erase_completion_lock);
			mutex_unlock(&c->erase_free_sem);
			erase_one(c);
			if (!--count)
				return;
		} else {
			printk("neither list\n");
		}
		cond_resched();
		mutex_lock(&c->erase_free_sem); /* expect LO002: jffs2_sb_info.erase_free_sem */
		spin_lock(&c->erase_completion_lock); /* expect LO002: jffs2_sb_info.erase_completion_lock */
	}
	spin_unlock(&c->erase_completion_lock);
	mutex_unlock(&c->erase_free_sem);
}
