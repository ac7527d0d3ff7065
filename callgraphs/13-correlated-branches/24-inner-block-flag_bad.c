/*
 * The twin of 24-inner-block-flag_ok.c, with a made-up bug: an error inside
 * the loop returns without the unlock, so on that path the page lock is held
 * when the caller takes the transaction lock, against the writeback path's
 * order.
 */

struct page { unsigned long flags; };
struct mutex { int owner; };
struct btrfs_fs_info { unsigned int nodesize; struct mutex trans_mutex; };
struct extent_buffer { struct page *pages[16]; struct btrfs_fs_info *fs_info; unsigned long bflags; int num_pages; };

void lock_page(struct page *page);
void unlock_page(struct page *page);
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int test_and_set_bit(int nr, unsigned long *addr);
int btrfs_page_set_dirty(struct btrfs_fs_info *fs_info, struct page *page);

enum { EXTENT_BUFFER_DIRTY = 0, PAGE_SIZE = 4096 };

int set_extent_buffer_dirty(struct extent_buffer *eb)
{
	int i;
	int was_dirty = test_and_set_bit(EXTENT_BUFFER_DIRTY, &eb->bflags);

	if (!was_dirty) {
		int subpage = eb->fs_info->nodesize < PAGE_SIZE;

		if (subpage)
			lock_page(eb->pages[0]);
		for (i = 0; i < eb->num_pages; i++)
			if (btrfs_page_set_dirty(eb->fs_info, eb->pages[i]))
				return was_dirty;
		if (subpage)
			unlock_page(eb->pages[0]);
	}
	return was_dirty;
}

void btrfs_mark_buffer_dirty(struct extent_buffer *eb)
{
	set_extent_buffer_dirty(eb);
	mutex_lock(&eb->fs_info->trans_mutex); /* expect LO001: PG_locked -> btrfs_fs_info.trans_mutex */
	mutex_unlock(&eb->fs_info->trans_mutex);
}

void btrfs_writepage(struct extent_buffer *eb)
{
	mutex_lock(&eb->fs_info->trans_mutex);
	lock_page(eb->pages[0]);
	unlock_page(eb->pages[0]);
	mutex_unlock(&eb->fs_info->trans_mutex);
}
