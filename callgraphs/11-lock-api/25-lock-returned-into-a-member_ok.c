/*
 * S11-25 A lock a helper takes and returns, stored in a member and dropped
 * through it.
 *
 * Shaped on 6.1 mm/memory.c's do_set_pmd: vmf->ptl = pmd_lock(mm, pmd)
 * (pmd_lock takes the PMD lock and returns it), then spin_unlock(vmf->ptl)
 * on every path. The unlock drops the lock pmd_lock took: nothing is held
 * after set_pmd(), and other_first()'s order is the only one. No report.
 *
 * A lock pointer member named its own class (vm_fault.ptl), so the unlock
 * dropped a lock of another class and pmd_lock() seemed held after the
 * fault: on Linux 6.1 fs/ + mm/, 26 edges out of pmd_lock(), among them
 * into CIFS's and 9p's locks through readahead. Now a member path that the
 * function only ever assigns from one call returning the lock it took is
 * named by that call, as a local would be. A call that only computes the
 * pointer (pte_lockptr) leaves the member's name: its callers lock and
 * unlock through the member in other functions too.
 *
 * The _bad twin returns early without the unlock.
 *
 * expect-none
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
		goto out;
	ret = 0;
out:
	spin_unlock(vmf->ptl);
	return ret;
}

void fault(struct vm_fault *vmf)
{
	set_pmd(vmf);
	spin_lock(&other);
	spin_unlock(&other);
}

void other_first(struct vm_fault *vmf)
{
	spin_lock(&other);
	set_pmd(vmf);
	spin_unlock(&other);
}
