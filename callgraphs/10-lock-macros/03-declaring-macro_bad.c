/*
 * A variable declared by a macro, typed from its #define: the xa_state of
 * 6.1's fs/dax.c, with a made-up bug.
 *
 * As in 03-declaring-macro_ok.c, XA_STATE(xas, ...) declares a struct
 * xa_state, so the caller's xas_lock_irq(&xas) and the callee's
 * xas_lock_irq(xas) are one class, xarray.xa_lock.  Here the error path
 * returns from inside the loop without xas_unlock_irq(&xas): the i_pages
 * lock really is held when do_writepages takes the writeback list_lock,
 * the reverse of mm/filemap.c's documented ->wb->list_lock before ->i_pages
 * lock, which inode_switch_wbs_ish follows.
 *
 * Must report:
 *   LO001 bdi_writeback.list_lock -> xarray.xa_lock.
 */

typedef struct { int rlock; } spinlock_t;

struct xarray { spinlock_t xa_lock; void *xa_head; };
struct xa_state { struct xarray *xa; unsigned long xa_index; };
struct address_space { struct xarray i_pages; unsigned long nrpages; };
struct bdi_writeback { spinlock_t list_lock; unsigned long bw; };
struct inode { struct address_space *i_mapping; struct bdi_writeback *i_wb; };

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void xas_pause(struct xa_state *xas);
int flush_range(unsigned long index);
void cond_resched(void);

#define XA_STATE(name, array, index) \
	struct xa_state name = { .xa = array, .xa_index = index }
#define xa_lock_irq(xa)		spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	spin_unlock_irq(&(xa)->xa_lock)
#define xas_lock_irq(xas)	xa_lock_irq((xas)->xa)
#define xas_unlock_irq(xas)	xa_unlock_irq((xas)->xa)

/* Entered and left with the i_pages lock held; drops it to flush. */
static int dax_writeback_one(struct xa_state *xas, void *entry)
{
	int err;

	xas_unlock_irq(xas);
	err = flush_range(xas->xa_index);
	xas_lock_irq(xas);
	return err;
}

static int dax_writeback_mapping_range(struct address_space *mapping, unsigned long end)
{
	XA_STATE(xas, &mapping->i_pages, 0);
	void *entry;
	int ret = 0;

	xas_lock_irq(&xas);
	xas_for_each_marked(&xas, entry, end, PAGECACHE_TAG_TOWRITE) {
		ret = dax_writeback_one(&xas, entry);
		if (ret < 0)
			return ret;	/* the bug: leaves with the i_pages lock held */
		xas_pause(&xas);
		xas_unlock_irq(&xas);
		cond_resched();
		xas_lock_irq(&xas);
	}
	xas_unlock_irq(&xas);
	return ret;
}

static void wb_update_bandwidth(struct bdi_writeback *wb)
{
	spin_lock(&wb->list_lock);
	wb->bw++;
	spin_unlock(&wb->list_lock);
}

int do_writepages(struct inode *inode)
{
	int ret = dax_writeback_mapping_range(inode->i_mapping, 100);

	wb_update_bandwidth(inode->i_wb);	/* expect LO001: bdi_writeback.list_lock -> xarray.xa_lock */
	return ret;
}

/* mm/filemap.c's order: ->wb->list_lock, then ->i_pages lock. */
void inode_switch_wbs_ish(struct inode *inode, struct bdi_writeback *new_wb)
{
	spin_lock(&new_wb->list_lock);
	xa_lock_irq(&inode->i_mapping->i_pages);
	inode->i_mapping->nrpages++;
	xa_unlock_irq(&inode->i_mapping->i_pages);
	spin_unlock(&new_wb->list_lock);
}
