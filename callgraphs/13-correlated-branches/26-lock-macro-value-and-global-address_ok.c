/*
 * A pointer that a lock macro's value gave, tested for NULL; a test against a
 * global's address, written once with == and once with !=.
 *
 * 6.1 mm/memory.c apply_to_pte_range, which vmalloc, ioremap and friends
 * reach through apply_to_page_range:
 *
 *	mapped_pte = pte = (mm == &init_mm) ?
 *		pte_alloc_kernel_track(pmd, addr, mask) :
 *		pte_alloc_map_lock(mm, pmd, addr, &ptl);
 *	if (!pte)
 *		return -ENOMEM;
 *	...
 *	if (mm != &init_mm)
 *		pte_unmap_unlock(mapped_pte, ptl);
 *
 * pte_alloc_map_lock(..) is `pte_alloc(mm, pmd) ? NULL :
 * pte_offset_map_lock(..)`, a statement expression that takes the pte lock
 * and yields the pte: NULL comes only from the arm that locked nothing, like
 * a function that returns its object locked or NULL (ADR-006). And
 * `mm != &init_mm` is the negation of `mm == &init_mm` (mm is a parameter the
 * body never changes; &init_mm never changes). Read otherwise, the -ENOMEM
 * return and the kernel-mm path both left the pte lock held, under whatever
 * apply_to_page_range's callers took next.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
struct mutex { long owner; };
struct mm_struct { unsigned long nr_ptes; };

extern struct mm_struct init_mm;
static struct mutex vmap_purge_lock;

spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_offset_map(pmd_t *pmd, unsigned long address);
pte_t *pte_alloc_kernel_track(pmd_t *pmd, unsigned long address);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
void pte_unmap(pte_t *pte);
int set_entry(pte_t *pte, unsigned long addr);

#define pte_offset_map_lock(mm, pmd, address, ptlp)	\
({							\
	spinlock_t *__ptl = pte_lockptr(mm, pmd);	\
	pte_t *__pte = pte_offset_map(pmd, address);	\
	*(ptlp) = __ptl;				\
	spin_lock(__ptl);				\
	__pte;						\
})

#define pte_alloc_map_lock(mm, pmd, address, ptlp)	\
	(__pte_alloc(mm, pmd) ?				\
		NULL : pte_offset_map_lock(mm, pmd, address, ptlp))

#define pte_unmap_unlock(pte, ptl)	do {		\
	spin_unlock(ptl);				\
	pte_unmap(pte);					\
} while (0)

static int apply_to_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	pte_t *pte, *mapped_pte;
	spinlock_t *ptl;
	int err;

	mapped_pte = pte = (mm == &init_mm) ?
		pte_alloc_kernel_track(pmd, addr) :
		pte_alloc_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -12;
	err = set_entry(pte, addr);
	if (mm != &init_mm)
		pte_unmap_unlock(mapped_pte, ptl);
	return err;
}

/* A caller maps a range of any mm, then takes vmap_purge_lock. */
int map_range_and_account(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	int err = apply_to_pte_range(mm, pmd, addr);

	mutex_lock(&vmap_purge_lock);
	init_mm.nr_ptes++;
	mutex_unlock(&vmap_purge_lock);
	return err;
}

/* Elsewhere a pte lock is taken under vmap_purge_lock. */
void purge_one(struct mm_struct *mm, pmd_t *pmd)
{
	mutex_lock(&vmap_purge_lock);
	spin_lock(pte_lockptr(mm, pmd));
	mm->nr_ptes--;
	spin_unlock(pte_lockptr(mm, pmd));
	mutex_unlock(&vmap_purge_lock);
}
