/*
 * The _ok twin's read_one, but calling ->launder_folio, which is called with
 * the folio locked and returns with it still locked (6.1
 * Documentation/filesystems/locking.rst): invalidate_lock is then taken under
 * PG_locked, against fault_one's order. Only the methods the model lists as
 * handoffs take the lock over.
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
	mapping->a_ops->launder_folio(folio);
	filemap_invalidate_lock_shared(mapping);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}
int fault_one(struct address_space *mapping, struct folio *folio)
{
	filemap_invalidate_lock_shared(mapping);
	folio_lock(folio); /* expect LO001: PG_locked -> address_space.invalidate_lock */
	folio_unlock(folio);
	filemap_invalidate_unlock_shared(mapping);
	return 0;
}
