/*
 * A store through a pointer after its NULL test.
 *
 *	unsigned long *word = lock_bitmap_word(map, bit);
 *	if (!word)
 *		goto out;
 *	*word |= mask;
 *	spin_unlock(&map->lock);
 *
 * lock_bitmap_word is a macro: NULL for a bit past the map's end, else the
 * word holding the bit, with the map's lock taken. The NULL side took no lock
 * (ADR-006). `*word |= mask` writes the word, not `word`; read as an
 * assignment of `word`, it made the store the variable's last assignment, after
 * the test, and a test says nothing of locks taken before its variable's last
 * assignment: the `goto out` path kept the map's lock and took
 * idmap_table_mutex under it.
 *
 * expect-none
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
	spin_unlock(&map->lock);
out:
	mutex_lock(&idmap_table_mutex);
	idmap_generation++;
	mutex_unlock(&idmap_table_mutex);
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
