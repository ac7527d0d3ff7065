/*
 * The generation bumped before the word's lock is dropped (twin).
 *
 * 29-store-through-a-pointer-after-its-null-test_ok.c with the unlock moved
 * below the generation's update: on the non-NULL side idmap_table_mutex is
 * taken under the map's lock, the reverse of idmap_resize's order.
 */

typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };
struct idmap { spinlock_t lock; unsigned int nbits; unsigned long words[4]; };

static struct mutex idmap_table_mutex;
static unsigned long idmap_generation;

#define lock_bitmap_word(map, bit)				\
	((bit) >= (map)->nbits ? NULL : ({			\
		spin_lock(&(map)->lock);			\
		&(map)->words[(bit) / 64];			\
	}))

int idmap_set(struct idmap *map, unsigned int bit)
{
	unsigned long *word = lock_bitmap_word(map, bit);

	if (!word)
		goto out;
	*word |= 1UL << (bit % 64);
out:
	mutex_lock(&idmap_table_mutex); /* expect LO001: idmap.lock -> idmap_table_mutex [confirmed] */
	idmap_generation++;
	mutex_unlock(&idmap_table_mutex);
	if (word)
		spin_unlock(&map->lock);
	return 0;
}

/* Resizing takes the map's lock under idmap_table_mutex. */
void idmap_resize(struct idmap *map, unsigned int nbits)
{
	mutex_lock(&idmap_table_mutex);
	spin_lock(&map->lock);
	map->nbits = nbits;
	spin_unlock(&map->lock);
	mutex_unlock(&idmap_table_mutex);
}
