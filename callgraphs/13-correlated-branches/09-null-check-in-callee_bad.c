/*
 * The _ok twin, but quota_read locks one page and puts another, which may be
 * NULL: f2fs_put_page's early return is possible, and the lock stays held
 * when write_info takes invalidate_lock, against truncate_one's order. The
 * callee's NULL fact is about the argument it is given, not about the lock.
 */

struct page { unsigned long flags; void *mapping; };
struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore invalidate_lock; };

struct page *read_cache_page(void *mapping, unsigned long index);
void put_page(struct page *page);

static inline void f2fs_put_page(struct page *page, int unlock)
{
	if (!page)
		return;
	if (unlock)
		unlock_page(page);
	put_page(page);
}

long quota_read(void *mapping, char *data, unsigned long index, struct page *spare)
{
	struct page *page;

	page = read_cache_page(mapping, index);
	if (IS_ERR(page))
		return PTR_ERR(page);
	lock_page(page);
	data[0] = 1;
	f2fs_put_page(spare, 1);
	return 0;
}

void write_info(struct address_space *mapping, char *data)
{
	quota_read(mapping, data, 0, 0);
	filemap_invalidate_lock(mapping);
	filemap_invalidate_unlock(mapping);
}

void truncate_one(struct address_space *mapping, struct page *page)
{
	filemap_invalidate_lock(mapping);
	lock_page(page); /* expect LO001: PG_locked -> address_space.invalidate_lock */
	unlock_page(page);
	filemap_invalidate_unlock(mapping);
}
