/*
 * The _ok twin, but page_add_anon_rmap dirties the page between the two flag
 * tests, with move_lock held for a KSM page: private_lock after move_lock, the
 * reverse of block_dirty_folio's order. The two tests still take the same
 * side; the inversion is inside them.
 */

typedef _Bool bool;

struct spinlock { int raw; };
struct address_space { struct spinlock private_lock; };
struct folio { struct address_space *mapping; int mapcount; };
struct page { struct folio *folio; };

int PageKsm(struct page *page);
void folio_memcg_lock(struct folio *folio);
void folio_memcg_unlock(struct folio *folio);

static void set_page_dirty(struct page *page);

static void page_add_anon_rmap(struct page *page)
{
	if (unlikely(PageKsm(page)))
		folio_memcg_lock(page->folio);
	page->folio->mapcount++;
	set_page_dirty(page);
	if (unlikely(PageKsm(page)))
		folio_memcg_unlock(page->folio);
}

static void set_page_dirty(struct page *page)
{
	spin_lock(&page->folio->mapping->private_lock); /* expect LO001: mem_cgroup.move_lock -> address_space.private_lock */
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
