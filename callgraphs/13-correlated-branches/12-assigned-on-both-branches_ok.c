/*
 * A split that locks one of two objects depending on the kind of page, and
 * drops each at the end under a test of the pointer it was reached through
 * (the shape of 6.1 mm/huge_memory.c, split_huge_page_to_list):
 *
 *	if (page_is_anon(page)) {
 *		anon_vma = page_get_anon_vma(page);
 *		mapping = NULL;
 *		anon_vma_lock_write(anon_vma);
 *	} else {
 *		mapping = page->mapping;
 *		if (!mapping)
 *			goto out;
 *		anon_vma = NULL;
 *		i_mmap_lock_read(mapping);
 *	}
 *	...
 *	if (mapping)
 *		page_cache_lock(cache);		the cache is not reached through mapping
 *	...
 * fail:
 *	if (mapping)
 *		page_cache_unlock(cache);
 *	...
 *	if (anon_vma)
 *		anon_vma_unlock_write(anon_vma);
 *	if (mapping)
 *		i_mmap_unlock_read(mapping);
 *
 * (The kernel also returns early when anon_vma is NULL; here an anonymous page
 * always has one, so that only the rule below pairs the lock with its unlock.)
 * Both pointers are assigned on both branches, so neither keeps its value
 * through the body.
 *
 * - anon_vma's last assignment in source order is the else branch's
 *   'anon_vma = NULL', which comes after the lock. Read that way, the lock
 *   was not taken through anon_vma's current value, and the NULL side of
 *   'if (anon_vma)' kept it. On every path that took the lock, the last
 *   assignment before the test is the one before the lock (ADR-006, later).
 * - The page cache's lock is not taken through mapping, so only the two tests
 *   of mapping can pair it with its unlock. mapping is assigned three times,
 *   but no path assigns it between those two tests, so they take the same
 *   side (ADR-004, later).
 *
 * Without the first, the shrinker's loop held anon_vma.rwsem into the next
 * split, which takes i_mmap_rwsem: the reverse of expand_vma's order, a false
 * cycle, and a false LO002 on anon_vma.rwsem. Without the second, a split
 * returned holding the page cache's lock into the next one, which takes
 * i_mmap_rwsem before that lock: another false cycle, and a false LO002 on
 * the page cache's lock. Each comes back when its half is disabled.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;

struct rw_semaphore { int count; };
struct xarray { spinlock_t xa_lock; };
struct address_space { struct rw_semaphore i_mmap_rwsem; struct xarray i_pages; };
struct anon_vma { struct anon_vma *root; struct rw_semaphore rwsem; int refcount; };
struct page { struct address_space *mapping; struct anon_vma *anon; struct xarray *cache; unsigned long flags; };
struct vm_area_struct { struct address_space *mapping; struct anon_vma *anon_vma; unsigned long vm_end; };

int page_is_anon(struct page *page);
int page_frozen(struct page *page);
struct anon_vma *page_get_anon_vma(struct page *page);
void put_anon_vma(struct anon_vma *anon_vma);
void unmap_page(struct page *page);
void remap_page(struct page *page);

static void anon_vma_lock_write(struct anon_vma *anon_vma)
{
	down_write(&anon_vma->root->rwsem);
}

static void anon_vma_unlock_write(struct anon_vma *anon_vma)
{
	up_write(&anon_vma->root->rwsem);
}

static void i_mmap_lock_read(struct address_space *mapping)
{
	down_read(&mapping->i_mmap_rwsem);
}

static void i_mmap_unlock_read(struct address_space *mapping)
{
	up_read(&mapping->i_mmap_rwsem);
}

static void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

static void page_cache_lock(struct xarray *cache)
{
	spin_lock(&cache->xa_lock);
}

static void page_cache_unlock(struct xarray *cache)
{
	spin_unlock(&cache->xa_lock);
}

int split_page_to_list(struct page *page)
{
	struct xarray *cache = page->cache;
	struct anon_vma *anon_vma = NULL;
	struct address_space *mapping = NULL;
	int ret;

	if (page_is_anon(page)) {
		anon_vma = page_get_anon_vma(page);
		mapping = NULL;
		anon_vma_lock_write(anon_vma);
	} else {
		mapping = page->mapping;
		if (!mapping) {
			ret = -16;
			goto out;
		}
		anon_vma = NULL;
		i_mmap_lock_read(mapping);
	}

	unmap_page(page);

	if (mapping)
		page_cache_lock(cache);

	if (page_frozen(page)) {
		page->flags = 0;
		if (mapping)
			page_cache_unlock(cache);
		ret = 0;
	} else {
		ret = -11;
		goto fail;
	}
	goto out_unlock;

fail:
	if (mapping)
		page_cache_unlock(cache);
	remap_page(page);

out_unlock:
	if (anon_vma) {
		anon_vma_unlock_write(anon_vma);
		put_anon_vma(anon_vma);
	}
	if (mapping)
		i_mmap_unlock_read(mapping);
out:
	return ret;
}

/* The shrinker splits a queued page, then unlinks the vma that mapped it. */
void shrink_one(struct page *page, struct vm_area_struct *vma)
{
	split_page_to_list(page);
	i_mmap_lock_write(vma->mapping);
	vma->vm_end = 0;
	i_mmap_unlock_write(vma->mapping);
}

/* i_mmap_rwsem before anon_vma.rwsem, as mm/filemap.c documents (vma_expand). */
void expand_vma(struct vm_area_struct *vma, unsigned long end)
{
	i_mmap_lock_write(vma->mapping);
	anon_vma_lock_write(vma->anon_vma);
	vma->vm_end = end;
	anon_vma_unlock_write(vma->anon_vma);
	i_mmap_unlock_write(vma->mapping);
}
