/*
 * expect-none
 *
 * btrfs's set_extent_buffer_dirty (6.1 fs/btrfs/extent_io.c): a flag declared
 * inside the block that uses it, 'bool subpage = ...;', decides both the page
 * lock and its unlock around a loop. Both tests take the same side, so the
 * page lock does not leak to the caller, which takes the transaction lock
 * next; the writeback path takes the two in the other order. (Read as two
 * unrelated tests, the flag's block leaked the page lock, and the cycle below
 * was reported.)
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
void btrfs_page_set_dirty(struct btrfs_fs_info *fs_info, struct page *page);

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
			btrfs_page_set_dirty(eb->fs_info, eb->pages[i]);
		if (subpage)
			unlock_page(eb->pages[0]);
	}
	return was_dirty;
}

void btrfs_mark_buffer_dirty(struct extent_buffer *eb)
{
	set_extent_buffer_dirty(eb);
	mutex_lock(&eb->fs_info->trans_mutex);
	mutex_unlock(&eb->fs_info->trans_mutex);
}

void btrfs_writepage(struct extent_buffer *eb)
{
	mutex_lock(&eb->fs_info->trans_mutex);
	lock_page(eb->pages[0]);
	unlock_page(eb->pages[0]);
	mutex_unlock(&eb->fs_info->trans_mutex);
}
