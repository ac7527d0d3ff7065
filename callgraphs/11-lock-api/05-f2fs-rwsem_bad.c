/*
 * f2fs's struct f2fs_rwsem (fs/f2fs/f2fs.h) wraps an rw_semaphore, and
 * init_f2fs_rwsem gives each field its own lockdep class.  The lock model
 * declares f2fs_down_read/f2fs_down_write and friends, so each class is the
 * f2fs_rwsem's declaration (f2fs_sb_info.cp_rwsem, f2fs_sb_info.gc_lock), not
 * the one semaphore inside every f2fs_rwsem.  f2fs_lock_op and f2fs_unlock_op
 * are analyzed through their bodies.
 *
 * f2fs's rule: f2fs_balance_fs, which may run garbage collection under
 * gc_lock, is called after f2fs_unlock_op, never under it; GC takes cp_rwsem
 * (f2fs_lock_op) while it moves blocks, and checkpoint takes cp_rwsem for
 * write.  f2fs_setattr_ish breaks the rule (05-f2fs-rwsem_ok.c keeps it).
 *
 * Must report:
 *   LO001 f2fs_sb_info.cp_rwsem -> f2fs_sb_info.gc_lock: readers of cp_rwsem on
 *         both sides deadlock once checkpoint waits to write it.
 *   LO002 f2fs_sb_info.cp_rwsem: GC under f2fs_setattr_ish takes cp_rwsem for
 *         read again, which a waiting checkpoint blocks.
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
	f2fs_lock_op(sbi);	/* expect LO002: f2fs_sb_info.cp_rwsem */
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
	f2fs_balance_fs(sbi);	/* expect LO001: f2fs_sb_info.cp_rwsem -> f2fs_sb_info.gc_lock */
	f2fs_unlock_op(sbi);
	return 0;
}
