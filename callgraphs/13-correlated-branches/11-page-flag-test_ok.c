/*
 * Linux 6.1's page_add_anon_rmap: a KSM page's rmap is changed under its
 * memcg's move_lock, taken and dropped under the same flag test:
 *
 *	if (unlikely(PageKsm(page)))
 *		lock_page_memcg(page);
 *	...
 *	if (unlikely(PageKsm(page)))
 *		unlock_page_memcg(page);
 *
 * The flag does not change in between for the page the caller holds, so both
 * tests take the same side (ADR-004: page and folio flag tests of a stable
 * variable are conditions) and move_lock is not held afterwards, where the
 * caller's set_page_dirty takes the mapping's private_lock.
 * block_dirty_folio's documented order (private_lock, then move_lock, in
 * mm/rmap.c) has no reverse edge. folio_memcg_lock and folio_memcg_unlock are
 * the linux profile's: the lock is recorded in memcg->move_lock_task, which
 * their bodies test.
 *
 * expect-none
 */

typedef _Bool bool;

struct spinlock { int raw; };
struct address_space { struct spinlock private_lock; };
struct folio { struct address_space *mapping; int mapcount; };
struct page { struct folio *folio; };

int PageKsm(struct page *page);
void folio_memcg_lock(struct folio *folio);
void folio_memcg_unlock(struct folio *folio);

static void page_add_anon_rmap(struct page *page)
{
	if (unlikely(PageKsm(page)))
		folio_memcg_lock(page->folio);
	page->folio->mapcount++;
	if (unlikely(PageKsm(page)))
		folio_memcg_unlock(page->folio);
}

static void set_page_dirty(struct page *page)
{
	spin_lock(&page->folio->mapping->private_lock);
	spin_unlock(&page->folio->mapping->private_lock);
}

void do_swap_page(struct page *page)
{
	page_add_anon_rmap(page);
	set_page_dirty(page);
}

void block_dirty_folio(struct folio *folio)
{
	spin_lock(&folio->mapping->private_lock);
	folio_memcg_lock(folio);
	folio->mapcount = 0;
	folio_memcg_unlock(folio);
	spin_unlock(&folio->mapping->private_lock);
}
