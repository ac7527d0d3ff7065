/*
 * The _ok twin with the bit left out: a flags local given one constant and
 * never changed says which way the callee goes (the shape of 6.1
 * mm/huge_memory.c: unmap_folio() sets "enum ttu_flags ttu_flags =
 * TTU_RMAP_LOCKED | ...", passes "ttu_flags | TTU_IGNORE_MLOCK" to
 * try_to_unmap(), which then walks the file's mappings with
 * rmap_walk_locked(), not taking i_mmap_rwsem again).
 *
 * Here the local is set without TOYVM_TTU_RMAP_LOCKED, so the walk takes
 * i_mmap_rwsem under the anon lock that toyvm_split_folio() holds, while
 * toyvm_link_vma() takes them the other way round: a real cycle.
 */

#include <stdbool.h>

enum toyvm_ttu_flags {
	TOYVM_TTU_SYNC = 1 << 0,
	TOYVM_TTU_IGNORE_MLOCK = 1 << 1,
	TOYVM_TTU_RMAP_LOCKED = 1 << 2,
};

struct toyvm_mapping { struct rw_semaphore i_mmap_rwsem; long nr; };
struct toyvm_anon { struct rw_semaphore rwsem; };
struct toyvm_folio {
	struct toyvm_mapping *mapping;
	struct toyvm_anon *anon;
	long mapcount;
};

static void toyvm_unmap_one(struct toyvm_folio *folio)
{
	folio->mapcount--;
}

static void toyvm_walk_file(struct toyvm_folio *folio, bool locked)
{
	struct toyvm_mapping *mapping = folio->mapping;

	if (!locked)
		down_read(&mapping->i_mmap_rwsem);
	toyvm_unmap_one(folio);
	if (!locked)
		up_read(&mapping->i_mmap_rwsem);
}

void toyvm_try_to_unmap(struct toyvm_folio *folio, enum toyvm_ttu_flags flags)
{
	if (flags & TOYVM_TTU_RMAP_LOCKED)
		toyvm_walk_file(folio, true);
	else
		toyvm_walk_file(folio, false);
}

static void toyvm_unmap_folio(struct toyvm_folio *folio)
{
	enum toyvm_ttu_flags ttu_flags = TOYVM_TTU_SYNC;

	toyvm_try_to_unmap(folio, ttu_flags | TOYVM_TTU_IGNORE_MLOCK);
}

void toyvm_split_folio(struct toyvm_folio *folio)
{
	down_write(&folio->anon->rwsem);
	toyvm_unmap_folio(folio);
	up_write(&folio->anon->rwsem);
}

void toyvm_link_vma(struct toyvm_folio *folio)
{
	down_write(&folio->mapping->i_mmap_rwsem);
	down_write(&folio->anon->rwsem); /* expect LO001: toyvm_anon.rwsem -> toyvm_mapping.i_mmap_rwsem [confirmed] */
	folio->mapping->nr++;
	up_write(&folio->anon->rwsem);
	up_write(&folio->mapping->i_mmap_rwsem);
}
