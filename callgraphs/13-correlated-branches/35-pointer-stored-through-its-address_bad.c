/*
 * Two page-table locks, the second taken only when it is another lock than
 * the first (6.1 mm/mremap.c, move_ptes):
 *
 *	old_pte = pte_offset_map_lock(mm, old_pmd, old_addr, &old_ptl);
 *	new_pte = pte_offset_map(new_pmd, new_addr);
 *	new_ptl = pte_lockptr(mm, new_pmd);
 *	if (new_ptl != old_ptl)
 *		spin_lock_nested(new_ptl, SINGLE_DEPTH_NESTING);
 *	...
 *	if (new_ptl != old_ptl)
 *		spin_unlock(new_ptl);
 *	pte_unmap_unlock(old_pte - 1, old_ptl);
 *
 * pte_offset_map_lock is a macro that stores the lock through its last
 * argument, '*(ptlp) = __ptl', so old_ptl was read as a variable whose
 * changes the body does not show, and the two tests were not tied: the path
 * that took the nested lock and then skipped its unlock returned holding
 * it, and the next call took it again. Expanded, '*(&old_ptl) = __ptl' is
 * an assignment of old_ptl like any other (ADR-004 later).
 *
 * Here an early exit between the two tests skips the nested unlock: where
 * the two locks differ, move_ptes returns holding the second, and the next
 * call takes it again (the twin of 35-pointer-stored-through-its-address_ok.c).
 * The same leak orders the nested class before the page-table lock the next
 * call takes, the cycle below; the simulator finds no interleaving of two
 * threads that deadlocks on it, since each thread's leaked lock is its own.
 */
typedef struct { int x; } spinlock_t;
struct mm_struct { spinlock_t page_table_lock; };
typedef unsigned long pmd_t;
typedef unsigned long pte_t;

spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_offset_map(pmd_t *pmd, unsigned long address);
int pte_none(pte_t pte);

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
} while (0)

static void move_ptes(struct mm_struct *mm, pmd_t *old_pmd, pmd_t *new_pmd,
		      unsigned long old_addr, unsigned long new_addr)
{
	pte_t *old_pte, *new_pte;
	spinlock_t *old_ptl, *new_ptl;

	old_pte = pte_offset_map_lock(mm, old_pmd, old_addr, &old_ptl); /* expect LO001: pte_lockptr() -> pte_lockptr()/1 [not-reproduced] */
	new_pte = pte_offset_map(new_pmd, new_addr);
	new_ptl = pte_lockptr(mm, new_pmd);
	if (new_ptl != old_ptl)
		spin_lock_nested(new_ptl, SINGLE_DEPTH_NESTING); /* expect LO002: pte_lockptr()/1 [confirmed] */
	if (pte_none(*old_pte))
		goto out;
	new_pte++;
	if (new_ptl != old_ptl)
		spin_unlock(new_ptl);
out:
	pte_unmap_unlock(old_pte, old_ptl);
}

void move_page_tables(struct mm_struct *mm, pmd_t *old_pmd, pmd_t *new_pmd)
{
	move_ptes(mm, old_pmd, new_pmd, 0, 0);
	move_ptes(mm, old_pmd, new_pmd, 4096, 4096);
}
