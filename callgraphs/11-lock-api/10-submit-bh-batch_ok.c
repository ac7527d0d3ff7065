/*
 * block_read_full_folio's shape (fs/buffer.c): the buffers that need reading
 * are collected in an array, locked in one loop, and submitted in a second
 * loop over the same array; each submit_bh() hands its buffer lock to the
 * I/O completion.  Both loops run nr times, so no buffer stays locked when
 * the function returns, and ocfs2-like callers that lock another folio next
 * order nothing after BH_Lock.
 *
 * lockorder relates the two loops: they have the same header (i = 0; i < nr)
 * and nothing between their starts may change nr, so the second loop's first
 * test has the first loop's outcome, and no path runs the first without the
 * second.  10-submit-bh-batch_bad.c changes nr in between.
 *
 * The first loop also locks several buffers of one class, which LO002 reads
 * as the same lock taken twice; they are distinct buffers of a folio the
 * caller holds locked (the kernel's read_folio contract).
 *
 * Must report nothing; lockorder reports the false LO002 marked below.
 */

struct folio { unsigned long flags; struct buffer_head *private; };
struct buffer_head {
	unsigned long b_state;
	struct buffer_head *b_this_page;
	struct folio *b_folio;
};

static int read_folio_buffers_ish(struct folio *folio)
{
	struct buffer_head *arr[8];
	struct buffer_head *head = folio->private;
	struct buffer_head *bh = head;
	int nr = 0;
	int i;

	do {
		if (!buffer_uptodate(bh))
			arr[nr++] = bh;
		bh = bh->b_this_page;
	} while (bh != head);

	for (i = 0; i < nr; i++) {
		lock_buffer(arr[i]);	/* expect-fp LO002: BH_Lock — each pass locks another buffer of the folio; one class for every buffer */
		mark_buffer_async_read(arr[i]);
	}
	for (i = 0; i < nr; i++)
		submit_bh(0, arr[i]);
	return 0;
}

int duplicate_folio_ish(struct folio *old, struct folio *new)
{
	read_folio_buffers_ish(old);
	folio_lock(new);
	folio_unlock(new);
	return 0;
}

int write_folio_buffers_ish(struct folio *folio)
{
	struct buffer_head *bh = folio->private;

	folio_lock(folio);
	lock_buffer(bh);
	mark_buffer_async_write(bh);
	unlock_buffer(bh);
	folio_unlock(folio);
	return 0;
}
