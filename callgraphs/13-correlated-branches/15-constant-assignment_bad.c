/*
 * The twin of 15-constant-assignment_ok.c whose update_page leaves early for
 * a page marked stale, after the helper locked it, without the unlock: the
 * page lock really is held when read_page takes invalidate_lock, the reverse
 * of truncate_page's order.
 */

typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };
struct rw_semaphore { long count; };

#define EIOCBQUEUED 529

struct wait_queue { spinlock_t lock; int waiters; };
struct page { struct mutex lock; unsigned long flags; };
struct address_space { struct rw_semaphore invalidate_lock; unsigned long nrpages; };

static int lock_page_async(struct page *page, struct wait_queue *wq)
{
	int ret = 0;

	spin_lock_irq(&wq->lock);
	wq->waiters++;
	ret = !mutex_trylock(&page->lock);
	if (!ret)
		wq->waiters--;
	else
		ret = -EIOCBQUEUED;
	spin_unlock_irq(&wq->lock);
	return ret;
}

static int update_page(struct address_space *mapping, struct page *page, struct wait_queue *wq)
{
	int error;

	down_read(&mapping->invalidate_lock);
	error = lock_page_async(page, wq);
	if (error)
		goto unlock_mapping;
	if (page->flags & 2)
		goto unlock_mapping;
	page->flags |= 1;
	mutex_unlock(&page->lock);
unlock_mapping:
	up_read(&mapping->invalidate_lock);
	return error;
}

int read_page(struct address_space *mapping, struct page *page, struct wait_queue *wq)
{
	int error = update_page(mapping, page, wq);

	if (error)
		return error;
	down_write(&mapping->invalidate_lock); /* expect LO001: address_space.invalidate_lock -> page.lock */
	mapping->nrpages++;
	up_write(&mapping->invalidate_lock);
	return 0;
}

void truncate_page(struct address_space *mapping, struct page *page)
{
	down_write(&mapping->invalidate_lock);
	mutex_lock(&page->lock);
	page->flags = 0;
	mapping->nrpages--;
	mutex_unlock(&page->lock);
	up_write(&mapping->invalidate_lock);
}
