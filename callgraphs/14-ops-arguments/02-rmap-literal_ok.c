/*
 * Linux 6.1's reverse-map walk: try_to_unmap() and folio_referenced() fill a
 * struct rmap_walk_control on their stack with their own rmap_one callback,
 * and rmap_walk_file() calls rwc->rmap_one with the mapping's i_mmap_rwsem
 * held. try_to_unmap_one takes the page-table lock under it; that order is
 * found only because the walk calls what its caller's struct holds
 * (ADR-008): a callback in a struct on the stack is in no shared ops table.
 *
 * shrink_folio drops the page-table lock before it walks, so nothing is
 * ordered against it: no finding.
 *
 * expect-none
 */

typedef _Bool bool;
#define true 1

struct spinlock { int raw; };
struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct spinlock page_table_lock; };
struct folio { struct address_space *mapping; struct mm_struct *mm; };

struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct folio *folio, void *arg);
	int (*done)(struct folio *folio);
};

static void rmap_walk_file(struct folio *folio, struct rmap_walk_control *rwc)
{
	down_read(&folio->mapping->i_mmap_rwsem);
	if (rwc->rmap_one(folio, rwc->arg) && rwc->done)
		rwc->done(folio);
	up_read(&folio->mapping->i_mmap_rwsem);
}

void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	rmap_walk_file(folio, rwc);
}

static bool try_to_unmap_one(struct folio *folio, void *arg)
{
	spin_lock(&folio->mm->page_table_lock);
	spin_unlock(&folio->mm->page_table_lock);
	return true;
}

static bool folio_referenced_one(struct folio *folio, void *arg)
{
	int *referenced = arg;

	*referenced += 1;
	return true;
}

void try_to_unmap(struct folio *folio)
{
	struct rmap_walk_control rwc = {
		.rmap_one = try_to_unmap_one,
		.arg = (void *)folio,
	};

	rmap_walk(folio, &rwc);
}

int folio_referenced(struct folio *folio)
{
	int referenced = 0;
	struct rmap_walk_control rwc = {
		.rmap_one = folio_referenced_one,
		.arg = (void *)&referenced,
	};

	rmap_walk(folio, &rwc);
	return referenced;
}

int shrink_folio(struct folio *folio)
{
	int referenced;

	spin_lock(&folio->mm->page_table_lock);
	folio->mm = folio->mm;
	spin_unlock(&folio->mm->page_table_lock);
	referenced = folio_referenced(folio);
	if (!referenced)
		try_to_unmap(folio);
	return referenced;
}
