/*
 * A zero flags argument selects the callee's branch (6.1 mm/filemap.c and
 * include/linux/pagemap.h): filemap_get_folio(mapping, index) is
 * __filemap_get_folio(mapping, index, 0, 0), a lookup, and the folio lock is
 * taken only "if (fgp_flags & FGP_LOCK)". With flags 0, no flag is set
 * whatever FGP_LOCK's value is. The callee assigns its parameter
 * ("fgp_flags |= FGP_LOCK" before "goto repeat"), but only under FGP_CREAT:
 * tests before an assignment on the path are tests of the caller's value. Read without the argument's value,
 * filemap_get_folio returned holding the folio lock on one path, and
 * filemap_fault, which drops invalidate_lock and takes it again around its
 * lookup, ordered PG_locked before invalidate_lock: the reverse of
 * mm/filemap.c's documented order that filemap_fault itself follows.
 *
 * expect-none
 */

#define NULL ((void *)0)
#define FGP_LOCK	0x00000002
#define FGP_CREAT	0x00000004

struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore invalidate_lock; void *i_pages; };
struct folio { unsigned long flags; struct address_space *mapping; };

struct folio *mapping_get_entry(struct address_space *mapping, unsigned long index);
struct folio *filemap_alloc_folio(unsigned int gfp);
int filemap_add_folio(struct address_space *mapping, struct folio *folio, unsigned long index, unsigned int gfp);

struct folio *__filemap_get_folio(struct address_space *mapping, unsigned long index, int fgp_flags, unsigned int gfp)
{
	struct folio *folio;

repeat:
	folio = mapping_get_entry(mapping, index);
	if (!folio)
		goto no_page;
	if (fgp_flags & FGP_LOCK)
		folio_lock(folio);
	return folio;

no_page:
	if (fgp_flags & FGP_CREAT) {
		if (!(fgp_flags & FGP_LOCK))
			fgp_flags |= FGP_LOCK;
		folio = filemap_alloc_folio(gfp);
		if (filemap_add_folio(mapping, folio, index, gfp))
			goto repeat;
	}
	return folio;
}

static inline struct folio *filemap_get_folio(struct address_space *mapping, unsigned long index)
{
	return __filemap_get_folio(mapping, index, 0, 0);
}

int filemap_fault(struct address_space *mapping, unsigned long index)
{
	struct folio *folio;

	filemap_invalidate_lock_shared(mapping);
	folio = filemap_get_folio(mapping, index);
	filemap_invalidate_unlock_shared(mapping);
	if (!folio)
		return -1;
	filemap_invalidate_lock_shared(mapping);
	folio_lock(folio);
	folio->flags = 0;
	folio_unlock(folio);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}
