/*
 * The _ok twin, but walk keeps the page-table lock it got back while it takes
 * the mapping's lock: the real inversion of unmap's order. The mapping's lock
 * is a spinlock here (i_mmap_lock, as before Linux 3.0): the rwsem taken under
 * a page-table lock a callee returned would sleep there, and ADR-014 takes
 * that lock as not held past the sleep.
 */
typedef struct { int rlock; } spinlock_t;
struct address_space { spinlock_t i_mmap_lock; };
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
	spin_lock(&mapping->i_mmap_lock); /* expect LO001: address_space.i_mmap_lock -> huge_pte_lock() */
	spin_unlock(&mapping->i_mmap_lock);
	spin_unlock(ptl);
}
void unmap(struct mm_struct *mm, unsigned long *pte, struct address_space *mapping)
{
	spinlock_t *ptl;

	spin_lock(&mapping->i_mmap_lock);
	ptl = huge_pte_lock(mm, pte);
	spin_unlock(ptl);
	spin_unlock(&mapping->i_mmap_lock);
}
