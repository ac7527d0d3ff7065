/*
 * A lock returned through an out-parameter (6.1 mm/memory.c, insert_page):
 *
 *	pte = get_locked_pte(vma->vm_mm, addr, &ptl);
 *	...
 *	pte_unmap_unlock(pte, ptl);
 *
 * __get_locked_pte takes the page-table lock through its own local
 * (pte_offset_map_lock: "__ptl = pte_lockptr(mm, pmd); *(ptlp) = __ptl;
 * spin_lock(__ptl);"), so the class held is the lock pte_lockptr() returns,
 * and the caller's unlock through its own ptl named another: the lock stayed
 * held, and mmap_vmcore then took
 * i_mmap_rwsem under it on Linux 6.1, the reverse of mm/rmap.c's documented
 * order. An unlock through a local pointer whose address a call of this
 * function was given releases the lock that call left held. get_locked_pte
 * returns __get_locked_pte's result: the caller's "if (!pte)" still tells
 * the locked exit from the NULL one.
 *
 * expect-none
 */
typedef struct { int rlock; } spinlock_t;
struct mm_struct { spinlock_t page_table_lock; };
struct rw_semaphore { long c; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
typedef unsigned long pte_t;
spinlock_t *pte_lockptr(struct mm_struct *mm, unsigned long *pmd);
unsigned long *walk_to_pmd(struct mm_struct *mm, unsigned long addr);

pte_t *__get_locked_pte(struct mm_struct *mm, unsigned long addr, spinlock_t **ptlp)
{
	unsigned long *pmd = walk_to_pmd(mm, addr);
	spinlock_t *__ptl;

	if (!pmd)
		return 0;
	__ptl = pte_lockptr(mm, pmd);
	*(ptlp) = __ptl;
	spin_lock(__ptl);
	return (pte_t *)pmd;
}

/* include/linux/mm.h: returns __get_locked_pte's result, locked or NULL */
static inline pte_t *get_locked_pte(struct mm_struct *mm, unsigned long addr, spinlock_t **ptl)
{
	pte_t *ptep;

	ptep = __get_locked_pte(mm, addr, ptl);
	return ptep;
}

int insert_page(struct mm_struct *mm, struct address_space *mapping, unsigned long addr)
{
	pte_t *pte;
	spinlock_t *ptl;

	pte = get_locked_pte(mm, addr, &ptl);
	if (!pte)
		return -12;
	*pte = 1;
	{
		/* pte_unmap_unlock(pte, ptl), expanded */
		spinlock_t *__ptl = (ptl);
		spin_unlock(__ptl);
	}
	down_write(&mapping->i_mmap_rwsem);
	up_write(&mapping->i_mmap_rwsem);
	return 0;
}

void unmap(struct mm_struct *mm, struct address_space *mapping, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;

	down_write(&mapping->i_mmap_rwsem);
	pte = __get_locked_pte(mm, addr, &ptl);
	if (pte) {
		*pte = 0;
		spin_unlock(ptl);
	}
	up_write(&mapping->i_mmap_rwsem);
}
