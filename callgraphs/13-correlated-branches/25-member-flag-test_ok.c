/*
 * Linux 6.1's pstore RAM zone (fs/pstore/ram_core.c): buffer_size_add takes
 * and drops the zone's buffer_lock under the same test of a flag of the zone:
 *
 *	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
 *		raw_spin_lock_irqsave(&prz->buffer_lock, flags);
 *	...			(an early 'goto exit' when the buffer is full)
 *	exit:
 *	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
 *		raw_spin_unlock_irqrestore(&prz->buffer_lock, flags);
 *
 * The body never changes prz->flags, and prz is a parameter it never assigns,
 * so both tests take the same side (ADR-004 later: a member of a stable
 * variable is a condition) and the lock is not held when its caller,
 * persistent_ram_write_user, calls buffer_start_add, which takes it again. The
 * simulator had confirmed that recursive locking on the path where the first
 * test locks and the second skips the unlock. The twin,
 * 25-member-flag-test_bad.c, clears the flag between the two tests.
 *
 * expect-none
 */

typedef struct { int raw; } raw_spinlock_t;
typedef struct { int counter; } atomic_t;

#define PRZ_FLAG_NO_LOCK 1

struct persistent_ram_buffer { atomic_t start; atomic_t size; };
struct persistent_ram_zone {
	unsigned int flags;
	raw_spinlock_t buffer_lock;
	struct persistent_ram_buffer *buffer;
	unsigned long buffer_size;
};

int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);

static void buffer_start_add(struct persistent_ram_zone *prz, unsigned long a)
{
	int old;
	unsigned long flags = 0;

	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
		raw_spin_lock_irqsave(&prz->buffer_lock, flags);
	old = atomic_read(&prz->buffer->start);
	atomic_set(&prz->buffer->start, (old + a) % prz->buffer_size);
	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
		raw_spin_unlock_irqrestore(&prz->buffer_lock, flags);
}

static void buffer_size_add(struct persistent_ram_zone *prz, unsigned long a)
{
	unsigned long old;
	unsigned long flags = 0;

	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
		raw_spin_lock_irqsave(&prz->buffer_lock, flags);
	old = atomic_read(&prz->buffer->size);
	if (old == prz->buffer_size)
		goto exit;
	atomic_set(&prz->buffer->size, old + a);
exit:
	if (!(prz->flags & PRZ_FLAG_NO_LOCK))
		raw_spin_unlock_irqrestore(&prz->buffer_lock, flags);
}

int persistent_ram_write_user(struct persistent_ram_zone *prz, unsigned long count)
{
	buffer_size_add(prz, count);
	buffer_start_add(prz, count);
	return count;
}
