/*
 * The twin of 13-atomic-kmap-copy_ok.c that maps the page with kmap(), which
 * leaves page faults enabled: the copy can fault, and the fault takes
 * mmap_lock under table_lock, the reverse of update_table's order.
 */

struct mutex { long owner; };
struct page { long x; };
struct mm_struct { long users; };

static struct mutex table_lock;

static inline void *kmap_atomic(struct page *page)
{
	preempt_disable();
	pagefault_disable();
	return page_address(page);
}

static inline void __kunmap_atomic(void *addr)
{
	pagefault_enable();
	preempt_enable();
}

#define kunmap_atomic(__addr) __kunmap_atomic(__addr)

int fill_from_user(struct page *page, const void *src)
{
	void *dst;
	int rc;

	mutex_lock(&table_lock);
	dst = kmap(page);
	rc = copy_from_user(dst, src, 4096); /* expect LO001: mm_struct.mmap_lock -> table_lock */
	kunmap(page);
	mutex_unlock(&table_lock);
	return rc;
}

void update_table(struct mm_struct *mm)
{
	mmap_read_lock(mm);
	mutex_lock(&table_lock);
	mutex_unlock(&table_lock);
	mmap_read_unlock(mm);
}
