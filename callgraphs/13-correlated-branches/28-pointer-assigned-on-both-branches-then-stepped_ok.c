/*
 * A pointer assigned on both sides of a branch, tested for NULL on one of
 * them, then stepped along its array.
 *
 * 6.1 mm/memory.c apply_to_pte_range, which vmalloc and kasan's shadow
 * mapping reach through apply_to_page_range, in its full shape:
 *
 *	if (create) {
 *		mapped_pte = pte = pte_alloc_map_lock(mm, pmd, addr, &ptl);
 *		if (!pte)
 *			return -ENOMEM;
 *	} else {
 *		mapped_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
 *	}
 *	...
 *	} while (pte++, addr += PAGE_SIZE, addr != end);
 *	...
 *	pte_unmap_unlock(mapped_pte, ptl);
 *
 * `pte` has two assignments and a step. Read by source order, its last
 * assignment is the else side's, which comes after the NULL test: the test
 * said nothing of the lock the create side took, and the -ENOMEM exit kept
 * it. A step (`pte++`) is a node of the function's graph like an assignment,
 * one that keeps what was locked through the pointer, so the path says which
 * assignment the test reads.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef struct { unsigned long val; } pte_t;
typedef struct { unsigned long val; } pmd_t;
struct mutex { long owner; };
struct mm_struct { unsigned long pgtables_bytes; };
typedef int (*pte_fn_t)(pte_t *pte, unsigned long addr, void *data);

static struct mutex vmap_area_mutex;

spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long address);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
int pmd_none(pmd_t pmd);
int pte_none(pte_t pte);

/* The macros as 6.1's include/linux/mm.h writes them, without HIGHPTE. */
#define pte_offset_map(dir, address)	pte_offset_kernel((dir), (address))
#define pte_unmap(pte)			((void)(pte))

#define pte_offset_map_lock(mm, pmd, address, ptlp)	\
({							\
	spinlock_t *__ptl = pte_lockptr(mm, pmd);	\
	pte_t *__pte = pte_offset_map(pmd, address);	\
	*(ptlp) = __ptl;				\
	spin_lock(__ptl);				\
	__pte;						\
})

#define pte_alloc(mm, pmd)	(pmd_none(*(pmd)) && __pte_alloc(mm, pmd))

#define pte_alloc_map_lock(mm, pmd, address, ptlp)	\
	(pte_alloc(mm, pmd) ?				\
		 NULL : pte_offset_map_lock(mm, pmd, address, ptlp))

#define pte_unmap_unlock(pte, ptl)	do {		\
	spin_unlock(ptl);				\
	pte_unmap(pte);					\
} while (0)

static int apply_to_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			      unsigned long end, pte_fn_t fn, void *data, bool create)
{
	pte_t *pte, *mapped_pte;
	spinlock_t *ptl;
	int err = 0;

	if (create) {
		mapped_pte = pte = pte_alloc_map_lock(mm, pmd, addr, &ptl);
		if (!pte)
			return -12;
	} else {
		mapped_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	}

	do {
		if (create || !pte_none(*pte)) {
			err = fn(pte, addr, data);
			if (err)
				break;
		}
	} while (pte++, addr += 4096, addr != end);

	pte_unmap_unlock(mapped_pte, ptl);
	return err;
}

/* A caller maps a range, then accounts for it under vmap_area_mutex. */
int map_and_account(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, pte_fn_t fn, void *data)
{
	int err = apply_to_pte_range(mm, pmd, addr, addr + 16 * 4096, fn, data, true);

	mutex_lock(&vmap_area_mutex);
	mm->pgtables_bytes += 4096;
	mutex_unlock(&vmap_area_mutex);
	return err;
}

/* Elsewhere the page-table lock is taken under vmap_area_mutex. */
void unaccount_table(struct mm_struct *mm, pmd_t *pmd)
{
	mutex_lock(&vmap_area_mutex);
	spin_lock(pte_lockptr(mm, pmd));
	mm->pgtables_bytes -= 4096;
	spin_unlock(pte_lockptr(mm, pmd));
	mutex_unlock(&vmap_area_mutex);
}
