/*
 * The twin of 10-submit-bh-batch_ok.c (block_read_full_folio's shape: lock
 * the buffers in one loop, submit them in a second loop over the same array),
 * with one change: between the two loops nr is recomputed
 * (count_to_submit_ish), so the second loop may run fewer times than the
 * first, or not at all, and a buffer may still be locked at the return.
 * lockorder must not relate the loops then: the cycle with
 * write_folio_buffers_ish is on a path the code allows.
 *
 * Must report:
 *   LO001 BH_Lock -> PG_locked (and the _ok twin's false LO002, marked below).
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
	nr = count_to_submit_ish(arr, nr);
	for (i = 0; i < nr; i++)
		submit_bh(0, arr[i]);
	return 0;
}

int duplicate_folio_ish(struct folio *old, struct folio *new)
{
	read_folio_buffers_ish(old);
	folio_lock(new);	/* expect LO001: BH_Lock -> PG_locked */
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
