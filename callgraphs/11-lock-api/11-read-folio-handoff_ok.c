/*
 * ->read_folio takes over the folio lock (the lock model's handoffs): the
 * caller locks the folio and calls the method, which starts the read; the
 * read's completion unlocks the folio, in the block layer outside the input.
 * Through its body, myfs_read_folio returns with the folio still locked, and
 * read_one would take invalidate_lock under PG_locked, the reverse of
 * mm/filemap.c's documented order that fault_one follows: a false cycle.
 * A direct call of the method (btrfs calls btrfs_read_folio so) hands the
 * lock over too, as does 6.1's filemap_read_folio(file, filler, folio), which
 * passes the method as a function pointer and waits for the unlock.
 *
 * expect-none
 */
struct folio { unsigned long flags; };
struct file;
struct rw_semaphore { long c; };
struct address_space { struct rw_semaphore invalidate_lock; const struct address_space_operations *a_ops; };
struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
	int (*launder_folio)(struct folio *);
};
void submit_read(struct folio *folio);
static int myfs_read_folio(struct file *file, struct folio *folio)
{
	submit_read(folio);
	return 0;
}
static int myfs_launder_folio(struct folio *folio)
{
	return 0;
}
const struct address_space_operations myfs_aops = {
	.read_folio = myfs_read_folio,
	.launder_folio = myfs_launder_folio,
};
int read_one(struct file *file, struct address_space *mapping, struct folio *folio)
{
	folio_lock(folio);
	mapping->a_ops->read_folio(file, folio);
	filemap_invalidate_lock_shared(mapping);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}

int read_direct(struct file *file, struct address_space *mapping, struct folio *folio)
{
	folio_lock(folio);
	myfs_read_folio(file, folio);
	filemap_invalidate_lock_shared(mapping);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}

static int filemap_read_folio(struct file *file, int (*filler)(struct file *, struct folio *), struct folio *folio)
{
	return filler(file, folio);
}

int read_through_filler(struct file *file, struct address_space *mapping, struct folio *folio)
{
	folio_lock(folio);
	filemap_read_folio(file, mapping->a_ops->read_folio, folio);
	filemap_invalidate_lock_shared(mapping);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}
int fault_one(struct address_space *mapping, struct folio *folio)
{
	filemap_invalidate_lock_shared(mapping);
	folio_lock(folio);
	folio_unlock(folio);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}
