/*
 * A test of a bare variable settles the other tests of it: 6.1's
 * ext4_convert_inline_data_to_extent drops xattr_sem under if (ret), then
 * goes back to retry: under if (ret == -ENOSPC && ...).  On the path where
 * ret is zero the first test was not taken, and the second cannot be, so
 * the lock is never taken again while held (no false LO002).
 *
 * The _bad twin retries under if (ret >= 0): a zero ret retries with the
 * lock held.
 *
 * expect-none
 */

struct rw_semaphore { int count; };
struct ext4_inode_info { struct rw_semaphore xattr_sem; int i_inline_off; };

void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
int ext4_write_inline_page(struct ext4_inode_info *ei);
int ext4_should_retry_alloc(struct ext4_inode_info *ei);

enum { ENOSPC = 28 };

int ext4_convert_inline_data_to_extent(struct ext4_inode_info *ei)
{
	int ret;
	int sem_held = 0;

retry:
	down_write(&ei->xattr_sem);
	sem_held = 1;
	ret = ext4_write_inline_page(ei);
	if (ret) {
		up_write(&ei->xattr_sem);
		sem_held = 0;
	}
	if (ret == -ENOSPC && ext4_should_retry_alloc(ei))
		goto retry;
	if (sem_held)
		up_write(&ei->xattr_sem);
	return ret;
}
