/*
 * The twin of 01-lock-buffer_bad.c: the path that holds a buffer lock only
 * tries the folio lock (folio_trylock) and backs off, and the path that holds
 * the folio lock only tries the buffer lock (trylock_buffer, which never
 * waits), so neither adds an edge into the lock it tries.
 *
 * Must report nothing.  expect-none
 */

struct folio { unsigned long flags; struct buffer_head *private; };
struct buffer_head {
	unsigned long b_state;
	struct buffer_head *b_this_page;
	struct folio *b_folio;
};

int write_folio_buffers_nowait_ish(struct folio *folio)
{
	struct buffer_head *bh = folio->private;
	int done = 0;

	folio_lock(folio);
	if (trylock_buffer(bh)) {
		mark_buffer_async_write(bh);
		unlock_buffer(bh);
		done = 1;
	}
	folio_unlock(folio);
	return done;
}

int journal_flush_buffer_ish(struct buffer_head *bh)
{
	int ret = -EAGAIN;

	lock_buffer(bh);
	if (folio_trylock(bh->b_folio)) {
		clear_buffer_dirty(bh);
		folio_unlock(bh->b_folio);
		ret = 0;
	}
	unlock_buffer(bh);
	return ret;
}
