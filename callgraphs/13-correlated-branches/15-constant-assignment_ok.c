/*
 * A helper that reports whether it took a lock through a variable it also
 * sets to a constant (the shape of 6.1 mm/filemap.c, __folio_lock_async):
 *
 *   ret = !trylock;  if (!ret) <dequeue>  else ret = -EIOCBQUEUED;  return ret;
 *
 * On the path that took the lock the branch found ret zero; on the other,
 * ret was assigned a nonzero constant. So the helper returns 0 exactly when
 * it holds the page lock, and the caller's 'if (error) goto unlock_mapping'
 * skips the unlock only when there is nothing to unlock. Read without the
 * constant, 'return ret' said nothing, the locked exit could take the error
 * branch, and the page lock "leaked" into read_page, which then took
 * invalidate_lock under it: the reverse of truncate_page's order.
 *
 * expect-none
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
	down_write(&mapping->invalidate_lock);
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
