/*
 * The twin of 15-kernel-iterator-copy_ok.c whose iterator comes from
 * import_single_range, over a user buffer: the copy two calls down can fault,
 * and the fault takes mmap_lock under log_lock, the reverse of update_log's
 * order. (The twin's direct copy is left out, so the finding's thread shows
 * the two calls.)
 */

struct mutex { long owner; };
struct mm_struct { long users; };
struct iovec { void *iov_base; unsigned long iov_len; };
struct iov_iter { int iter_type; unsigned long count; };

static struct mutex log_lock;

static unsigned long log_copy(void *dst, unsigned long len, struct iov_iter *from)
{
	return copy_from_iter(dst, len, from); /* expect LO001: mm_struct.mmap_lock -> log_lock */
}

static unsigned long log_fill(void *dst, unsigned long len, struct iov_iter *from)
{
	return log_copy(dst, len, from);
}

unsigned long log_write_user(void *dst, void *data, unsigned long len)
{
	struct iov_iter iter;
	struct iovec iov;
	unsigned long n;

	import_single_range(WRITE, data, len, &iov, &iter);
	mutex_lock(&log_lock);
	n = log_fill(dst, len, &iter);
	mutex_unlock(&log_lock);
	return n;
}

void update_log(struct mm_struct *mm)
{
	mmap_read_lock(mm);
	mutex_lock(&log_lock);
	mutex_unlock(&log_lock);
	mmap_read_unlock(mm);
}
