/*
 * S11-26 (bad twin) The same walker, without the unlock.
 *
 * pte_range() returns holding the PMD lock whenever the PMD is huge:
 * walker() then takes another spinlock under it, while other_first() takes them
 * the other way round. An ABBA cycle, confirmed, named pmd_lock() on both
 * sides.
 */
struct spinlock { int raw; };
struct mm_struct { struct spinlock page_table_lock; };
struct vma { struct mm_struct *vm_mm; };
struct spinlock other;

static inline struct spinlock *pmd_lockptr(struct mm_struct *mm, int *pmd)
{
	return &mm->page_table_lock;
}

static inline struct spinlock *pmd_lock(struct mm_struct *mm, int *pmd)
{
	struct spinlock *ptl = pmd_lockptr(mm, pmd);
	spin_lock(ptl);
	return ptl;
}

struct spinlock *__pmd_trans_huge_lock(int *pmd, struct vma *vma)
{
	struct spinlock *ptl;
	ptl = pmd_lock(vma->vm_mm, pmd);
	if (likely(*pmd))
		return ptl;
	spin_unlock(ptl);
	return NULL;
}

static inline struct spinlock *pmd_trans_huge_lock(int *pmd, struct vma *vma)
{
	if (*pmd > 1)
		return __pmd_trans_huge_lock(pmd, vma);
	else
		return NULL;
}

int pte_range(int *pmd, struct vma *vma)
{
	struct spinlock *ptl;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl)
		goto out;
	*pmd = 0;
out:
	return 0;
}

void walker(int *pmd, struct vma *vma)
{
	pte_range(pmd, vma);
	spin_lock(&other); /* expect LO001: pmd_lock() -> other [confirmed] */
	spin_unlock(&other);
}

void other_first(int *pmd, struct vma *vma)
{
	spin_lock(&other);
	pte_range(pmd, vma);
	spin_unlock(&other);
}
