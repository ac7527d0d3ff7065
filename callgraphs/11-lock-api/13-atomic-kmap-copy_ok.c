/*
 * A user copy into an atomically mapped page cannot fault: kmap_atomic()
 * disables page faults until kunmap_atomic() (6.1
 * include/linux/highmem-internal.h), so the copy fails instead of entering
 * the fault handler, and the caller retries without the lock (6.1
 * mm/memory.c, copy_huge_page_from_user with allow_pagefault false, as
 * hugetlb_mcopy_atomic_pte calls it).
 *
 * Read as an ordinary user copy, it made table_lock -> mmap_lock, the
 * reverse of update_table's order. The helpers are static inlines here, as
 * in the headers: their pagefault_disable() does not reach the caller, so
 * the linux profile names them.
 *
 * expect-none
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
	dst = kmap_atomic(page);
	rc = copy_from_user(dst, src, 4096);
	kunmap_atomic(dst);
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
