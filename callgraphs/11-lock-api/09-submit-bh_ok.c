/*
 * A buffer is locked, submitted, and waited on (fs/buffer.c's
 * __sync_dirty_buffer and __bh_read): submit_bh() hands the buffer lock to
 * the I/O, whose completion (bh->b_end_io, in the block layer) unlocks it.
 * wait_on_buffer() waits for that, without taking the lock.  So after the
 * sync write the writer holds nothing, and locking the folio next orders
 * nothing after BH_Lock.  write_folio_buffers_ish is the kernel's real order
 * (PG_locked -> BH_Lock, __block_write_full_folio).
 *
 * Read through submit_bh's body (it builds a bio and calls submit_bio), the
 * buffer would stay locked on return, and sync_then_lock_folio_ish would be
 * the other half of an AB-BA cycle with write_folio_buffers_ish.
 *
 * Must report nothing.  expect-none
 */

struct folio { unsigned long flags; struct buffer_head *private; };
struct bio { void (*bi_end_io)(struct bio *); void *bi_private; };
struct buffer_head {
	unsigned long b_state;
	struct folio *b_folio;
	void (*b_end_io)(struct buffer_head *bh, int uptodate);
};

static void end_bio_bh_io_sync_ish(struct bio *bio)
{
	struct buffer_head *bh = bio->bi_private;

	bh->b_end_io(bh, 1);
}

/* Stands for fs/buffer.c's definition: the unlock happens in the completion. */
void submit_bh(int opf, struct buffer_head *bh)
{
	struct bio *bio = bio_alloc(opf);

	bio->bi_private = bh;
	bio->bi_end_io = end_bio_bh_io_sync_ish;
	submit_bio(bio);
}

static int sync_dirty_buffer_ish(struct buffer_head *bh)
{
	lock_buffer(bh);
	submit_bh(1, bh);
	wait_on_buffer(bh);
	return 0;
}

int sync_then_lock_folio_ish(struct buffer_head *bh)
{
	sync_dirty_buffer_ish(bh);
	folio_lock(bh->b_folio);
	clear_buffer_dirty(bh);
	folio_unlock(bh->b_folio);
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
