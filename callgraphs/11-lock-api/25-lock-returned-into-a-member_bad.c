/*
 * S11-25 (bad twin) The same helper, with a path that returns holding the
 * PMD lock.
 *
 * set_pmd() returns early when the PMD is populated, without dropping
 * vmf->ptl: fault() then takes another spinlock under the PMD lock, while
 * other_first() takes them the other way round. An ABBA cycle, confirmed.
 * (A mutex there would sleep under a spinlock a callee returned: ADR-014
 * takes that spinlock as not held past the sleep.)
 */
struct spinlock { int raw; };
struct mm_struct { struct spinlock page_table_lock; };
struct vm_fault { struct spinlock *ptl; int *pmd; struct mm_struct *mm; };
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

int set_pmd(struct vm_fault *vmf)
{
	int ret = 1;

	vmf->ptl = pmd_lock(vmf->mm, vmf->pmd);
	if (*vmf->pmd)
		return ret;
	ret = 0;
out:
	spin_unlock(vmf->ptl);
	return ret;
}

void fault(struct vm_fault *vmf)
{
	set_pmd(vmf);
	spin_lock(&other); /* expect LO001: pmd_lock() -> other [confirmed] */
	spin_unlock(&other);
}

void other_first(struct vm_fault *vmf)
{
	spin_lock(&other);
	set_pmd(vmf);
	spin_unlock(&other);
}
