/*
 * A loop that leaves the function with the pte lock held (twin).
 *
 * 27-pointer-stepped-after-its-null-test_ok.c with `break` written `return
 * err`: a failed entry returns before pte_unmap_unlock, still holding the pte
 * lock, and the caller takes vmap_purge_lock under it, the reverse of
 * purge_one's order.
 */

typedef struct { int rlock; } spinlock_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
struct mutex { long owner; };
struct mm_struct { unsigned long nr_ptes; };

static struct mutex vmap_purge_lock;

spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
pte_t *pte_offset_map(pmd_t *pmd, unsigned long address);
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

static int apply_to_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, unsigned long end)
{
	pte_t *pte, *mapped_pte;
	spinlock_t *ptl;
	int err = 0;

	mapped_pte = pte = pte_alloc_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -12;
	do {
		err = set_entry(pte, addr);
		if (err)
			return err;
	} while (pte++, addr += 4096, addr != end);
	pte_unmap_unlock(mapped_pte, ptl);
	return err;
}

/* A caller maps a range, then takes vmap_purge_lock. */
int map_range_and_account(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	int err = apply_to_pte_range(mm, pmd, addr, addr + 8 * 4096);

	mutex_lock(&vmap_purge_lock); /* expect LO001: pte_lockptr() -> vmap_purge_lock [confirmed] */
	mm->nr_ptes++;
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
