/*
 * Linux 6.1's split_huge_page_to_list() holds the anon_vma lock and unmaps the
 * folio with TTU_RMAP_LOCKED: try_to_unmap() then walks with
 * rmap_walk_locked(), which calls rmap_walk_file(folio, rwc, true), and that
 * takes i_mmap_rwsem only when !locked. The walk's callback comes from a
 * struct on try_to_unmap()'s stack, so only the walk's copy for that struct
 * calls try_to_unmap_one (ADR-008); here the callback unmaps the next folio
 * too, so the copies form a recursion that the functions alone do not
 * (in Linux 6.1, try_to_unmap_one reaches reclaim, and the largest
 * recursion). The constants inside that recursion still select the
 * callee's side (ADR-007 later): no thread takes i_mmap_rwsem under the
 * anon_vma lock, and vma_adjust's documented order stands alone.
 *
 * expect-none
 */

typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)

struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct anon_vma { struct rw_semaphore rwsem; };
struct folio {
	struct address_space *mapping;
	struct anon_vma *anon_vma;
	struct folio *next;
};

struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct folio *folio, void *arg);
};

static void rmap_walk_file(struct folio *folio, struct rmap_walk_control *rwc, bool locked)
{
	if (!locked)
		down_read(&folio->mapping->i_mmap_rwsem);
	rwc->rmap_one(folio, rwc->arg);
	if (!locked)
		up_read(&folio->mapping->i_mmap_rwsem);
}

void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	rmap_walk_file(folio, rwc, false);
}

void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc)
{
	rmap_walk_file(folio, rwc, true);
}

static bool try_to_unmap_one(struct folio *folio, void *arg);

void try_to_unmap(struct folio *folio, bool locked)
{
	struct rmap_walk_control rwc = {
		.rmap_one = try_to_unmap_one,
		.arg = NULL,
	};

	if (locked)
		rmap_walk_locked(folio, &rwc);
	else
		rmap_walk(folio, &rwc);
}

static bool try_to_unmap_one(struct folio *folio, void *arg)
{
	if (folio->next)
		try_to_unmap(folio->next, true);
	return true;
}

void split_folio(struct folio *folio)
{
	down_write(&folio->anon_vma->rwsem);
	try_to_unmap(folio, true);
	up_write(&folio->anon_vma->rwsem);
}

void vma_adjust(struct folio *folio)
{
	down_write(&folio->mapping->i_mmap_rwsem);
	down_write(&folio->anon_vma->rwsem);
	up_write(&folio->anon_vma->rwsem);
	up_write(&folio->mapping->i_mmap_rwsem);
}
