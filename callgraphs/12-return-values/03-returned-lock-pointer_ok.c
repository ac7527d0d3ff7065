/*
 * A lock pointer returned by the function that took it (6.1
 * include/linux/hugetlb.h, huge_pte_lock: "ptl = huge_pte_lockptr(h, mm, pte);
 * spin_lock(ptl); return ptl;"), released by the caller through the pointer
 * it got back ("ptl = huge_pte_lock(h, mm, pte); ... spin_unlock(ptl);").
 * The callee's lock is named by the call (huge_pte_lock()), as the caller's
 * variable is: the unlock releases it. Named after the callee's local, the
 * unlock released nothing, and i_mmap_rwsem was ordered after the page-table
 * lock on Linux 6.1, against mm/rmap.c's documented order.
 *
 * expect-none
 */
typedef struct { int rlock; } spinlock_t;
struct rw_semaphore { long c; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { int x; };
spinlock_t *huge_pte_lockptr(struct mm_struct *mm, unsigned long *pte);
static inline spinlock_t *huge_pte_lock(struct mm_struct *mm, unsigned long *pte)
{
	spinlock_t *ptl;

	ptl = huge_pte_lockptr(mm, pte);
	spin_lock(ptl);
	return ptl;
}
void walk(struct mm_struct *mm, unsigned long *pte, struct address_space *mapping)
{
	spinlock_t *ptl = huge_pte_lock(mm, pte);
	*pte = 0;
	spin_unlock(ptl);
	down_read(&mapping->i_mmap_rwsem);
	up_read(&mapping->i_mmap_rwsem);
}
void unmap(struct mm_struct *mm, unsigned long *pte, struct address_space *mapping)
{
	spinlock_t *ptl;

	down_write(&mapping->i_mmap_rwsem);
	ptl = huge_pte_lock(mm, pte);
	spin_unlock(ptl);
	up_write(&mapping->i_mmap_rwsem);
}
