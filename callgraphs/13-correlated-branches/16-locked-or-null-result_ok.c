/*
 * A page returned locked, or NULL when there is none, and handed back with
 * a helper that unlocks it unless it is NULL (the shape of 6.1
 * fs/f2fs/data.c: f2fs_write_begin with f2fs_pagecache_get_page and
 * f2fs_put_page(page, 1)).
 *
 * The lock was taken inside grab_locked_page, not through 'page', so
 * nothing said that 'page' is not NULL where the lock is held, and the
 * helper's "page is NULL, return at once" path kept the lock: the failure
 * path then took invalidate_lock under the page lock, the reverse of
 * truncate_range's order. A function that returns a locked object returns
 * NULL when it locked nothing: where 'page' is NULL, the lock its call
 * returned holding is not held, and where that lock is held, 'page' is not
 * NULL.
 *
 * expect-none
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
	down_write(&mapping->invalidate_lock);
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
	put_page_unlock(page, 1);
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
