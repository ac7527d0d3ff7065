/*
 * Copies through an iov_iter fault only when it iterates over user memory. Here
 * log_write_kernel sets one up over a kernel buffer (iov_iter_kvec, as
 * kernel_write does) and hands it down two levels, to a copy_from_iter under
 * log_lock: no fault, so no mmap_lock under log_lock, and update_log's order
 * is the only one. The twin, 15-kernel-iterator-copy_bad.c, imports a user
 * buffer instead.
 *
 * expect-none
 */

struct mutex { long owner; };
struct mm_struct { long users; };
struct kvec { void *iov_base; unsigned long iov_len; };
struct iov_iter { int iter_type; unsigned long count; };

static struct mutex log_lock;

static unsigned long log_copy(void *dst, unsigned long len, struct iov_iter *from)
{
	return copy_from_iter(dst, len, from);
}

static unsigned long log_fill(void *dst, unsigned long len, struct iov_iter *from)
{
	return log_copy(dst, len, from);
}

unsigned long log_write_kernel(void *dst, void *data, unsigned long len)
{
	struct iov_iter iter;
	struct kvec kv = { .iov_base = data, .iov_len = len };
	unsigned long n;

	iov_iter_kvec(&iter, WRITE, &kv, 1, len);
	mutex_lock(&log_lock);
	n = log_fill(dst, len, &iter);
	n += copy_from_iter(dst, len, &iter);
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
