/*
 * The twin of 22-zero-side_ok.c, with a made-up bug: the retry's test,
 * if (ret >= 0), holds where ret is zero, that is where if (ret) did not
 * drop the lock, so the retry takes xattr_sem while holding it.
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
	down_write(&ei->xattr_sem);	/* expect LO002: ext4_inode_info.xattr_sem */
	sem_held = 1;
	ret = ext4_write_inline_page(ei);
	if (ret) {
		up_write(&ei->xattr_sem);
		sem_held = 0;
	}
	if (ret >= 0 && ext4_should_retry_alloc(ei))	/* the made-up bug */
		goto retry;
	if (sem_held)
		up_write(&ei->xattr_sem);
	return ret;
}
