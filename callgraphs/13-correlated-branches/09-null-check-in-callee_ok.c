/*
 * A callee that returns early when its pointer is NULL, called with a pointer
 * the caller locked through and never tests (6.1 fs/f2fs, f2fs_quota_read):
 *
 *	lock_page(page);
 *	...
 *	f2fs_put_page(page, 1);
 *
 * and f2fs_put_page starts with "if (!page) return;" before its
 * "if (unlock) unlock_page(page);". Its exit that found page NULL keeps the
 * caller's lock, but lock_page(page) dereferenced page, so that exit is not
 * this call's (ADR-006). The caller has no "if (page)" of its own: where it
 * last assigned page says that the lock was taken through the value it
 * passes. Read without that, quota_read returned holding PG_locked, and
 * v1_write_file_info then took invalidate_lock under it on Linux 6.1.
 *
 * expect-none
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

long quota_read(void *mapping, char *data, unsigned long index)
{
	struct page *page;

	page = read_cache_page(mapping, index);
	if (IS_ERR(page))
		return PTR_ERR(page);
	lock_page(page);
	data[0] = 1;
	f2fs_put_page(page, 1);
	return 0;
}

void write_info(struct address_space *mapping, char *data)
{
	quota_read(mapping, data, 0);
	filemap_invalidate_lock(mapping);
	filemap_invalidate_unlock(mapping);
}

void truncate_one(struct address_space *mapping, struct page *page)
{
	filemap_invalidate_lock(mapping);
	lock_page(page);
	unlock_page(page);
	filemap_invalidate_unlock(mapping);
}
