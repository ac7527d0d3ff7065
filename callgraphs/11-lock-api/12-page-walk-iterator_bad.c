/*
 * The _ok twin, but try_to_migrate (not under the anon_vma lock) calls
 * try_to_migrate_one, which takes the folio's anon_vma lock inside its walk,
 * with the page-table lock held: the reverse of mm/rmap.c's
 * documented order (anon_vma lock, then the page-table lock), which
 * rmap_walk_anon follows. The iterator holds the lock inside the loop as it
 * drops it after: both orders are found.
 */

typedef _Bool bool;
#define true 1
#define false 0

struct spinlock { int raw; };
struct rw_semaphore { long count; };
struct anon_vma { struct rw_semaphore rwsem; };
struct folio { struct anon_vma *anon_vma; int mapped; };
struct vm_area_struct { unsigned long vm_start; };

struct page_vma_mapped_walk {
	struct folio *folio;
	struct vm_area_struct *vma;
	unsigned long address;
	unsigned long end;
	struct spinlock *ptl;
};

struct spinlock *pte_lockptr(struct vm_area_struct *vma, unsigned long address);
bool pte_present_at(struct page_vma_mapped_walk *pvmw);

void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw)
{
	if (pvmw->ptl)
		spin_unlock(pvmw->ptl);
}

static bool not_found(struct page_vma_mapped_walk *pvmw)
{
	page_vma_mapped_walk_done(pvmw);
	return false;
}

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	for (;;) {
		pvmw->address += 4096;
		if (pvmw->address >= pvmw->end)
			return not_found(pvmw);
		/* Another page table: its own lock. */
		if ((pvmw->address & 0x1fffff) == 0) {
			if (pvmw->ptl) {
				spin_unlock(pvmw->ptl);
				pvmw->ptl = NULL;
			}
			continue;
		}
		if (!pvmw->ptl) {
			pvmw->ptl = pte_lockptr(pvmw->vma, pvmw->address);
			spin_lock(pvmw->ptl);
		}
		if (pte_present_at(pvmw))
			return true;
	}
}

static bool remove_migration_pte(struct folio *folio, struct vm_area_struct *vma)
{
	struct page_vma_mapped_walk pvmw = { .folio = folio, .vma = vma };

	while (page_vma_mapped_walk(&pvmw)) {
		if (!folio->mapped)
			continue;
		folio->mapped = 0;
	}
	return true;
}

static bool try_to_migrate_one(struct folio *folio, struct vm_area_struct *vma)
{
	struct page_vma_mapped_walk pvmw = { .folio = folio, .vma = vma };
	bool ret = true;

	while (page_vma_mapped_walk(&pvmw)) {
		if (folio->mapped > 1) {
			down_read(&folio->anon_vma->rwsem); /* expect LO001: page_vma_mapped_walk.ptl -> anon_vma.rwsem */
			up_read(&folio->anon_vma->rwsem);
			ret = false;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}
		folio->mapped--;
	}
	return ret;
}

void rmap_walk_anon(struct folio *folio, struct vm_area_struct *vma, bool migrate)
{
	down_read(&folio->anon_vma->rwsem);
	remove_migration_pte(folio, vma);
	up_read(&folio->anon_vma->rwsem);
}

void remove_migration_ptes(struct folio *folio, struct vm_area_struct *vma)
{
	remove_migration_pte(folio, vma);
	rmap_walk_anon(folio, vma, false);
}

void try_to_migrate(struct folio *folio, struct vm_area_struct *vma)
{
	try_to_migrate_one(folio, vma);
}
