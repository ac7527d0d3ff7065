/*
 * The buffer_head lock (BH_Lock), a bit lock lockdep does not track, like the
 * folio lock.  include/linux/buffer_head.h defines lock_buffer as a static
 * inline over a bit operation and a wait on the bit: read through its body it
 * would take no lock at all.  The lock model declares it (class BH_Lock).
 *
 * fs/buffer.c writes a folio's buffers with the folio locked, then locks each
 * buffer (__block_write_full_folio: PG_locked -> BH_Lock).
 * journal_flush_buffer_ish is a made-up inversion: it locks a buffer, then
 * the folio that holds it.
 *
 * Must report:
 *   LO001 PG_locked -> BH_Lock.
 */

struct folio { unsigned long flags; struct buffer_head *private; };
struct buffer_head {
	unsigned long b_state;
	struct buffer_head *b_this_page;
	struct folio *b_folio;
};

static int write_folio_buffers_ish(struct folio *folio)
{
	struct buffer_head *head = folio->private;
	struct buffer_head *bh = head;

	do {
		lock_buffer(bh);	/* expect LO001: PG_locked -> BH_Lock */
		mark_buffer_async_write(bh);
		unlock_buffer(bh);
		bh = bh->b_this_page;
	} while (bh != head);
	return 0;
}

int block_write_full_folio_ish(struct folio *folio)
{
	int err;

	folio_lock(folio);
	err = write_folio_buffers_ish(folio);
	folio_unlock(folio);
	return err;
}

int journal_flush_buffer_ish(struct buffer_head *bh)
{
	lock_buffer(bh);
	folio_lock(bh->b_folio);
	clear_buffer_dirty(bh);
	folio_unlock(bh->b_folio);
	unlock_buffer(bh);
	return 0;
}
