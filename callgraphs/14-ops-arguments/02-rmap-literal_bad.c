/*
 * The _ok twin, but shrink_folio walks with the page-table lock held: the walk
 * takes i_mmap_rwsem under it, and try_to_unmap_one, the callback
 * try_to_unmap stored in its rmap_walk_control on the stack, takes the
 * page-table lock again under i_mmap_rwsem. Both findings are real, and are
 * found only because the walk calls what its caller's struct holds (ADR-008).
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
	down_read(&folio->mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> mm_struct.page_table_lock */
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
	spin_lock(&folio->mm->page_table_lock); /* expect LO002: mm_struct.page_table_lock */
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
	referenced = folio_referenced(folio);
	if (!referenced)
		try_to_unmap(folio);
	spin_unlock(&folio->mm->page_table_lock);
	return referenced;
}
