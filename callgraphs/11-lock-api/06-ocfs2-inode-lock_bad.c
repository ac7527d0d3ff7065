/*
 * ocfs2's inode cluster lock.  ocfs2_inode_lock(inode, bh, ex) is a macro
 * (fs/ocfs2/dlmglue.h) over ocfs2_inode_lock_full_nested, which the lock model
 * declares: it waits for the cluster-wide lock and returns 0 once it holds it.
 * lockdep tracks it through the lock resource's lockdep map; the class here is
 * the resource's field, ocfs2_inode_info.ip_inode_lockres.
 *
 * ocfs2 takes the cluster lock before page locks (ocfs2_write_begin_ish).
 * Its ->read_folio runs with the folio locked (filemap_read_folio_ish), so it
 * must not wait for the cluster lock: the real ocfs2_read_folio uses ocfs2_inode_lock_with_page,
 * which only tries it and unlocks the folio on contention.
 * ocfs2_read_folio_ish waits instead.
 *
 * Must report:
 *   LO001 PG_locked -> ocfs2_inode_info.ip_inode_lockres.
 */

struct folio { unsigned long flags; struct address_space *mapping; };
struct buffer_head { unsigned long b_state; };
struct inode { struct address_space *i_mapping; long i_size; };
struct file { struct inode *f_inode; };
struct address_space_operations {
	int (*read_folio)(struct file *, struct folio *);
};
struct address_space { const struct address_space_operations *a_ops; };

enum ocfs2_inode_lock_class {
	OI_LS_NORMAL = 0,
	OI_LS_PARENT,
	OI_LS_RENAME1,
	OI_LS_RENAME2,
	OI_LS_REFLINK_TARGET,
};

#define ocfs2_inode_lock(i, b, e) ocfs2_inode_lock_full_nested(i, b, e, 0, OI_LS_NORMAL)

int ocfs2_write_begin_ish(struct inode *inode, struct folio *folio)
{
	struct buffer_head *di_bh = NULL;
	int ret;

	ret = ocfs2_inode_lock(inode, &di_bh, 1);
	if (ret)
		return ret;
	folio_lock(folio);
	inode->i_size++;
	folio_unlock(folio);
	ocfs2_inode_unlock(inode, 1);
	return 0;
}

int ocfs2_read_folio_ish(struct file *file, struct folio *folio)
{
	struct inode *inode = file->f_inode;
	int ret;

	ret = ocfs2_inode_lock(inode, NULL, 0);	/* expect LO001: PG_locked -> ocfs2_inode_info.ip_inode_lockres */
	if (ret)
		goto out;
	inode->i_size--;
	ocfs2_inode_unlock(inode, 0);
out:
	folio_unlock(folio);
	return ret;
}

static const struct address_space_operations ocfs2_aops = {
	.read_folio	= ocfs2_read_folio_ish,
};

/* mm/filemap.c: ->read_folio is called with the folio locked and unlocks it */
int filemap_read_folio_ish(struct file *file, struct folio *folio)
{
	folio_lock(folio);
	return folio->mapping->a_ops->read_folio(file, folio);
}
