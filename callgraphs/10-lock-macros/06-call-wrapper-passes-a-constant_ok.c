/*
 * A call-wrapping macro that passes a constant the callee branches on (the
 * shape of 6.1 fs/gfs2/util.h: gfs2_io_error_bh(sdp, bh) is
 * gfs2_io_error_bh_i(..., __LINE__, false), and only the _wd variant passes
 * true and withdraws, which drains the AIL under sd_ail_lock).
 *
 * toyfs_ail_start() reports an I/O error with sd_ail_lock held, through the
 * macro that passes false: toyfs_io_error_i() does not withdraw, so the lock
 * is not taken again. Before, the argument's text was the macro call the user
 * wrote, not the 'false' its replacement passes, and the callee was read
 * with both sides of its test: a recursive lock on sd_ail_lock, which the
 * simulator confirmed.
 *
 * expect-none
 */

#include <stdbool.h>

struct toyfs_sbd { spinlock_t sd_ail_lock; int sd_flags; int sd_errors; };

void toyfs_io_error_i(struct toyfs_sbd *sdp, long blk, const char *function, unsigned int line, bool withdraw);

#define toyfs_io_error(sdp, blk) \
	toyfs_io_error_i((sdp), (blk), __func__, __LINE__, false)
#define toyfs_io_error_wd(sdp, blk) \
	toyfs_io_error_i((sdp), (blk), __func__, __LINE__, true)

static void toyfs_ail_drain(struct toyfs_sbd *sdp)
{
	spin_lock(&sdp->sd_ail_lock);
	sdp->sd_flags = 0;
	spin_unlock(&sdp->sd_ail_lock);
}

static void toyfs_withdraw(struct toyfs_sbd *sdp)
{
	toyfs_ail_drain(sdp);
}

void toyfs_io_error_i(struct toyfs_sbd *sdp, long blk, const char *function, unsigned int line, bool withdraw)
{
	sdp->sd_errors++;
	if (withdraw)
		toyfs_withdraw(sdp);
}

void toyfs_ail_start(struct toyfs_sbd *sdp, long blk)
{
	spin_lock(&sdp->sd_ail_lock);
	if (blk < 0)
		toyfs_io_error(sdp, blk);
	spin_unlock(&sdp->sd_ail_lock);
}
