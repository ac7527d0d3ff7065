/*
 * The _ok twin, but walk keeps the page-table lock it got back while it takes
 * i_mmap_rwsem: the real inversion of unmap's order.
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
	down_read(&mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> huge_pte_lock() */
	up_read(&mapping->i_mmap_rwsem);
	spin_unlock(ptl);
}
void unmap(struct mm_struct *mm, unsigned long *pte, struct address_space *mapping)
{
	spinlock_t *ptl;

	down_write(&mapping->i_mmap_rwsem);
	ptl = huge_pte_lock(mm, pte);
	spin_unlock(ptl);
	up_write(&mapping->i_mmap_rwsem);
}
