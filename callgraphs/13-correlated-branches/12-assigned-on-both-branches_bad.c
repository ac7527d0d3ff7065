/*
 * The _ok twin's split, with two mistakes that make the leaks real:
 *
 * - the anonymous branch drops its anon_vma reference and clears the pointer
 *   when the page is pinned, with the lock still held: the end's
 *   'if (anon_vma)' then finds NULL and skips the unlock;
 * - a truncated page clears mapping after the page cache's lock was taken:
 *   the failure path's 'if (mapping)' then skips that unlock.
 *
 * An assignment on the path ends what the earlier tests and locks say about
 * the pointer, so both leaks are seen, and what they make is real: the
 * shrinker holds anon_vma.rwsem when it takes i_mmap_rwsem (a cycle with
 * expand_vma's order), a truncated page's i_mmap_rwsem, which it takes
 * again, and the page cache's lock, which it takes again too. (Past that
 * spinlock, which a callee returned held, its i_mmap_rwsem would sleep:
 * ADR-014 takes the spinlock as not held from there.)
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
int page_pinned(struct page *page);
int page_truncated(struct page *page);
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
		anon_vma_lock_write(anon_vma); /* expect LO001: address_space.i_mmap_rwsem -> anon_vma.rwsem */
		if (page_pinned(page)) {
			put_anon_vma(anon_vma);
			anon_vma = NULL;
		}
	} else {
		mapping = page->mapping;
		if (!mapping) {
			ret = -16;
			goto out;
		}
		anon_vma = NULL;
		i_mmap_lock_read(mapping); /* expect LO002: address_space.i_mmap_rwsem */
	}

	unmap_page(page);

	if (mapping) {
		page_cache_lock(cache);
		if (page_truncated(page))
			mapping = NULL;
	}

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

/* The shrinker splits a queued page, clears it in the cache, then unlinks the vma that mapped it. */
void shrink_one(struct page *page, struct vm_area_struct *vma)
{
	split_page_to_list(page);
	page_cache_lock(page->cache); /* expect LO002: xarray.xa_lock */
	page->flags = 0;
	page_cache_unlock(page->cache);
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
