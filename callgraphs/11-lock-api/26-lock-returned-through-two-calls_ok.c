/*
 * S11-26 A lock returned through two calls, dropped by the caller.
 *
 * Shaped on 6.1's THP page-table walkers (mm/mincore.c's mincore_pte_range
 * and others): ptl = pmd_trans_huge_lock(pmd, vma) returns the PMD lock, or
 * NULL. pmd_trans_huge_lock() returns what __pmd_trans_huge_lock() returns,
 * which returns what pmd_lock() took and returned (or drops it and returns
 * NULL). The caller drops it with spin_unlock(ptl). Nothing is held after
 * pte_range(). No report.
 *
 * A returned lock pointer was named by the call that returned it, one level
 * up: pmd_lock() inside, pmd_trans_huge_lock() in the caller, so the
 * caller's unlock dropped a class that was not held, and pmd_lock() leaked
 * from every THP walker (on Linux 6.1 fs/ + mm/, 402 edges out of pmd_lock()
 * and a recursive-locking report). A call that only passes on what another
 * call returned locked is now named by where the lock was taken, and so is
 * a returned local assigned from such a call.
 *
 * The _bad twin forgets the unlock.
 *
 * expect-none
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
	if (ptl) {
		spin_unlock(ptl);
		goto out;
	}
	*pmd = 0;
out:
	return 0;
}

void walker(int *pmd, struct vma *vma)
{
	pte_range(pmd, vma);
	spin_lock(&other);
	spin_unlock(&other);
}

void other_first(int *pmd, struct vma *vma)
{
	spin_lock(&other);
	pte_range(pmd, vma);
	spin_unlock(&other);
}
