/*
 * S7-11 A branch that ends in BUG() does not fall through.
 *
 * 6.1 fs/jffs2/erase.c: jffs2_erase_pending_blocks holds erase_free_sem and
 * erase_completion_lock around a loop over two lists. Each pass drops both in
 * the branch for the list it took a block from, and takes them again at the
 * end of the pass; the last branch, for neither list, is `else BUG();`. BUG()
 * never returns (include/asm-generic/bug.h: it ends in panic(), declared
 * __noreturn), so no pass reaches the re-lock still holding the locks: no
 * recursive locking. The twin, 11-bug-ends-the-path_bad.c, logs and carries
 * on instead.
 *
 * expect-none
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
void erase_one(struct jffs2_sb_info *c);
void cond_resched(void);

void jffs2_erase_pending_blocks(struct jffs2_sb_info *c, int count)
{
	mutex_lock(&c->erase_free_sem);
	spin_lock(&c->erase_completion_lock);
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
			BUG();
		}
		cond_resched();
		mutex_lock(&c->erase_free_sem);
		spin_lock(&c->erase_completion_lock);
	}
	spin_unlock(&c->erase_completion_lock);
	mutex_unlock(&c->erase_free_sem);
}
