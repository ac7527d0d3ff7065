/*
 * The _ok twin reporting through the macro that passes true: the callee
 * withdraws, and the drain takes sd_ail_lock again while toyfs_ail_start()
 * holds it (a real recursive lock).
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
	spin_lock(&sdp->sd_ail_lock); /* expect LO002: toyfs_sbd.sd_ail_lock [confirmed] */
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
		toyfs_io_error_wd(sdp, blk);
	spin_unlock(&sdp->sd_ail_lock);
}
