/*
 * The twin of 05-f2fs-rwsem_bad.c, as f2fs does it: f2fs_setattr_ish calls
 * f2fs_balance_fs after f2fs_unlock_op.  GC still takes cp_rwsem under
 * gc_lock (f2fs_sb_info.gc_lock -> f2fs_sb_info.cp_rwsem), and nothing orders
 * them back.
 *
 * Must report nothing.  expect-none
 */

struct rw_semaphore { long count; };
struct f2fs_rwsem { struct rw_semaphore internal_rwsem; };
struct f2fs_sb_info {
	struct f2fs_rwsem cp_rwsem;
	struct f2fs_rwsem gc_lock;
	long dirty_pages;
};
struct inode { struct f2fs_sb_info *i_sb_info; long i_size; };

static inline void f2fs_lock_op(struct f2fs_sb_info *sbi)
{
	f2fs_down_read(&sbi->cp_rwsem);
}

static inline void f2fs_unlock_op(struct f2fs_sb_info *sbi)
{
	f2fs_up_read(&sbi->cp_rwsem);
}

static int do_garbage_collect_ish(struct f2fs_sb_info *sbi)
{
	f2fs_lock_op(sbi);
	sbi->dirty_pages--;
	f2fs_unlock_op(sbi);
	return 0;
}

int f2fs_gc_ish(struct f2fs_sb_info *sbi)
{
	int ret;

	f2fs_down_write(&sbi->gc_lock);
	ret = do_garbage_collect_ish(sbi);
	f2fs_up_write(&sbi->gc_lock);
	return ret;
}

void f2fs_balance_fs(struct f2fs_sb_info *sbi)
{
	if (sbi->dirty_pages > 1024)
		f2fs_gc_ish(sbi);
}

int f2fs_write_checkpoint_ish(struct f2fs_sb_info *sbi)
{
	f2fs_down_write(&sbi->cp_rwsem);	/* f2fs_lock_all */
	sbi->dirty_pages = 0;
	f2fs_up_write(&sbi->cp_rwsem);
	return 0;
}

int f2fs_setattr_ish(struct inode *inode, long size)
{
	struct f2fs_sb_info *sbi = inode->i_sb_info;

	f2fs_lock_op(sbi);
	inode->i_size = size;
	f2fs_unlock_op(sbi);
	f2fs_balance_fs(sbi);
	return 0;
}
