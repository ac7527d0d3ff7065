/*
 * Twin of 25-member-flag-test_ok.c: buffer_size_add clears PRZ_FLAG_NO_LOCK
 * between its two tests (a made-up change). The test after the change is no
 * longer the test before it: the path that locked under the first can skip
 * the unlock under the second, and the caller's next buffer_start_add takes
 * the zone's buffer_lock again.
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
		raw_spin_lock_irqsave(&prz->buffer_lock, flags); /* expect LO002: persistent_ram_zone.buffer_lock */
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
	prz->flags |= PRZ_FLAG_NO_LOCK;
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
