/*
 * Lock wrappers written as macros, read from their #define: the page
 * cache's i_pages lock.
 *
 * include/linux/xarray.h defines xa_lock_irq(xa) as
 * spin_lock_irq(&(xa)->xa_lock); the lock model knows spin_lock_irq, not
 * xa_lock_irq.  lockorder expands the macro at each call site, so the lock
 * is the xa_lock member of the mapping's struct xarray, as lockdep sees it.
 *
 * mm/filemap.c's lock-order comment: ->private_lock (__set_page_dirty_buffers)
 * nests outside ->i_pages lock.  mark_buffer_dirty_ish follows it;
 * release_folio_buffers_ish takes them the other way round (a made-up
 * inversion of the documented order).
 *
 * Must report:
 *   LO001 address_space.private_lock -> xarray.xa_lock.
 */

typedef struct { int rlock; } spinlock_t;

struct xarray { spinlock_t xa_lock; void *xa_head; };
struct address_space {
	struct xarray i_pages;
	spinlock_t private_lock;
	unsigned long nrpages;
};
struct folio { struct address_space *mapping; unsigned long flags; };

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);

#define xa_lock_irq(xa)		spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	spin_unlock_irq(&(xa)->xa_lock)

static void tag_dirty(struct address_space *mapping, struct folio *folio)
{
	xa_lock_irq(&mapping->i_pages);
	mapping->nrpages++;
	xa_unlock_irq(&mapping->i_pages);
}

void mark_buffer_dirty_ish(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;

	spin_lock(&mapping->private_lock);
	tag_dirty(mapping, folio);	/* expect LO001: address_space.private_lock -> xarray.xa_lock */
	spin_unlock(&mapping->private_lock);
}

void release_folio_buffers_ish(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;

	xa_lock_irq(&mapping->i_pages);
	spin_lock(&mapping->private_lock);
	folio->flags = 0;
	spin_unlock(&mapping->private_lock);
	xa_unlock_irq(&mapping->i_pages);
}
