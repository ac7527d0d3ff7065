/*
 * A lock pointer assigned twice is unlocked as the lock it points at last.
 *
 * 6.1 fs/proc/task_mmu.c smaps_pte_range (mm/mincore.c mincore_pte_range has
 * the same shape) walks one page-middle-directory entry:
 *
 *	ptl = pmd_trans_huge_lock(pmd, vma);
 *	if (ptl) {
 *		smaps_pmd_entry(pmd, addr, walk);
 *		spin_unlock(ptl);
 *		goto out;
 *	}
 *	...
 *	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
 *	for (; addr != end; pte++, addr += PAGE_SIZE)
 *		smaps_pte_entry(pte, addr, walk);
 *	pte_unmap_unlock(pte - 1, ptl);
 *
 * ptl first holds the huge-pmd lock, and pte_offset_map_lock then stores the
 * pte lock in it; the final unlock drops the pte lock. Read as the first
 * assignment's lock, that unlock dropped nothing, and the walker seemed to
 * return holding the pte lock into whatever its caller took next.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
struct mm_struct { spinlock_t stats_lock; unsigned long rss; };
struct vm_area_struct { struct mm_struct *vm_mm; };

spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_offset_map(pmd_t *pmd, unsigned long address);
void pte_unmap(pte_t *pte);
int pmd_trans_huge(pmd_t pmd);
void account_pte(pte_t *pte);

#define pte_offset_map_lock(mm, pmd, address, ptlp)	\
({							\
	spinlock_t *__ptl = pte_lockptr(mm, pmd);	\
	pte_t *__pte = pte_offset_map(pmd, address);	\
	*(ptlp) = __ptl;				\
	spin_lock(__ptl);				\
	__pte;						\
})

#define pte_unmap_unlock(pte, ptl)	do {		\
	spin_unlock(ptl);				\
	pte_unmap(pte);					\
} while (0)

static spinlock_t *pmd_trans_huge_lock(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl = pmd_lockptr(vma->vm_mm, pmd);

	spin_lock(ptl);
	if (pmd_trans_huge(*pmd))
		return ptl;
	spin_unlock(ptl);
	return NULL;
}

static int smaps_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			   struct vm_area_struct *vma)
{
	pte_t *pte;
	spinlock_t *ptl;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl) {
		vma->vm_mm->rss++;
		spin_unlock(ptl);
		return 0;
	}
	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	for (; addr != end; pte++, addr += 4096)
		account_pte(pte);
	pte_unmap_unlock(pte - 1, ptl);
	return 0;
}

/* The walker's caller adds up the statistics afterwards. */
void show_smap(pmd_t *pmd, struct vm_area_struct *vma)
{
	smaps_pte_range(pmd, 0, 4096, vma);
	spin_lock(&vma->vm_mm->stats_lock);
	vma->vm_mm->rss = 0;
	spin_unlock(&vma->vm_mm->stats_lock);
}

/* Elsewhere the statistics lock is held around a pte lock. */
void reset_rss(struct mm_struct *mm, pmd_t *pmd)
{
	spin_lock(&mm->stats_lock);
	spin_lock(pte_lockptr(mm, pmd));
	mm->rss = 0;
	spin_unlock(pte_lockptr(mm, pmd));
	spin_unlock(&mm->stats_lock);
}
