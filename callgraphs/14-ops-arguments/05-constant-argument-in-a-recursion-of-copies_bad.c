/*
 * The twin of 05-constant-argument-in-a-recursion-of-copies_ok.c, with a
 * made-up bug: split_folio unmaps without TTU_RMAP_LOCKED, so the walk takes
 * i_mmap_rwsem under the anon_vma lock, against vma_adjust's order.
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
		down_read(&folio->mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> anon_vma.rwsem [confirmed] */
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
	try_to_unmap(folio, false);
	up_write(&folio->anon_vma->rwsem);
}

void vma_adjust(struct folio *folio)
{
	down_write(&folio->mapping->i_mmap_rwsem);
	down_write(&folio->anon_vma->rwsem);
	up_write(&folio->anon_vma->rwsem);
	up_write(&folio->mapping->i_mmap_rwsem);
}
