/*
 * The twin of 16-locked-or-null-result_ok.c whose failure path hands the
 * page back without unlocking it (put_page_unlock(page, 0)): the page lock
 * really is held when write_failed takes invalidate_lock, the reverse of
 * truncate_range's order.
 */

struct mutex { long owner; };
struct rw_semaphore { long count; };

struct page { struct mutex lock; unsigned long flags; long ref; };
struct address_space { struct rw_semaphore invalidate_lock; struct page *pages[16]; long size; };

static struct page *grab_locked_page(struct address_space *mapping, long index)
{
	struct page *page = mapping->pages[index & 15];

	if (!page)
		return NULL;
	mutex_lock(&page->lock);
	return page;
}

static void put_page_unlock(struct page *page, int unlock)
{
	if (!page)
		return;
	if (unlock)
		mutex_unlock(&page->lock);
	page->ref--;
}

static void write_failed(struct address_space *mapping, long to)
{
	down_write(&mapping->invalidate_lock); /* expect LO001: address_space.invalidate_lock -> page.lock */
	if (to > mapping->size)
		mapping->size = to;
	up_write(&mapping->invalidate_lock);
}

int write_begin(struct address_space *mapping, long index, long len)
{
	struct page *page = grab_locked_page(mapping, index);
	int err = 0;

	if (!page)
		return -12;
	if (page->flags & 1) {
		err = -5;
		goto fail;
	}
	put_page_unlock(page, 1);
	return 0;

fail:
	put_page_unlock(page, 0);
	write_failed(mapping, index + len);
	return err;
}

void truncate_range(struct address_space *mapping, struct page *page)
{
	down_write(&mapping->invalidate_lock);
	mutex_lock(&page->lock);
	page->flags = 0;
	mutex_unlock(&page->lock);
	up_write(&mapping->invalidate_lock);
}
