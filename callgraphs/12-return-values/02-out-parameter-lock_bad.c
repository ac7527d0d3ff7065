/*
 * The _ok twin, but insert_page unlocks a different page-table lock (its own
 * mm's page_table_lock) and keeps the one __get_locked_pte stored through
 * &ptl: the mapping's lock is taken under it, against unmap's order. The rule
 * is about the pointer whose address the call was given. The mapping's lock is
 * a spinlock here (i_mmap_lock, as before Linux 3.0): the rwsem taken under a
 * page-table lock a callee returned would sleep there, and ADR-014 takes that
 * lock as not held past the sleep.
 */
typedef struct { int rlock; } spinlock_t;
struct mm_struct { spinlock_t page_table_lock; };
struct address_space { spinlock_t i_mmap_lock; };
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
	spin_unlock(&mm->page_table_lock);
	spin_lock(&mapping->i_mmap_lock); /* expect LO001: address_space.i_mmap_lock -> pte_lockptr() */
	spin_unlock(&mapping->i_mmap_lock);
	return 0;
}

void unmap(struct mm_struct *mm, struct address_space *mapping, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;

	spin_lock(&mapping->i_mmap_lock);
	pte = __get_locked_pte(mm, addr, &ptl);
	if (pte) {
		*pte = 0;
		spin_unlock(ptl);
	}
	spin_unlock(&mapping->i_mmap_lock);
}
