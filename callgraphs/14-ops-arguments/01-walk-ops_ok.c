/*
 * Linux 6.1's page-table walker: walk_page_range() puts the caller's
 * mm_walk_ops into a struct mm_walk on its stack, and the walk functions call
 * ops->pmd_entry through a copy of walk->ops. Each caller passes its own
 * table: mincore's callback takes the page-table lock, hmm's faults the page
 * in and takes the mapping's i_mmap_rwsem.
 *
 * mincore_vma holds i_mmap_rwsem and walks with mincore's table, so the walk
 * takes the page-table lock under it. Resolved through the struct type alone,
 * ops->pmd_entry would reach hmm's callback too: i_mmap_rwsem again under
 * itself, a false recursive lock. The walk passes the table it was given
 * (ADR-008), so there is none.
 *
 * expect-none
 */

struct spinlock { int raw; };
struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct spinlock page_table_lock; };
struct vm_area_struct { struct mm_struct *vm_mm; struct address_space *vm_mapping; };

struct mm_walk;
struct mm_walk_ops {
	int (*pmd_entry)(unsigned long addr, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, struct mm_walk *walk);
};
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct vm_area_struct *vma;
	void *private;
};

static int walk_pmd_range(unsigned long addr, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;

	if (ops->pte_hole)
		return ops->pte_hole(addr, walk);
	if (ops->pmd_entry)
		return ops->pmd_entry(addr, walk);
	return 0;
}

int walk_page_range(struct vm_area_struct *vma, unsigned long start,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = {
		.ops = ops,
		.vma = vma,
		.private = private,
	};

	return walk_pmd_range(start, &walk);
}

static int mincore_pte_range(unsigned long addr, struct mm_walk *walk)
{
	spin_lock(&walk->vma->vm_mm->page_table_lock);
	spin_unlock(&walk->vma->vm_mm->page_table_lock);
	return 0;
}

static int hmm_vma_walk_pmd(unsigned long addr, struct mm_walk *walk)
{
	down_read(&walk->vma->vm_mapping->i_mmap_rwsem);
	up_read(&walk->vma->vm_mapping->i_mmap_rwsem);
	return 0;
}

static const struct mm_walk_ops mincore_walk_ops = {
	.pmd_entry = mincore_pte_range,
};

static const struct mm_walk_ops hmm_walk_ops = {
	.pmd_entry = hmm_vma_walk_pmd,
};

void mincore_vma(struct vm_area_struct *vma, unsigned long addr)
{
	down_write(&vma->vm_mapping->i_mmap_rwsem);
	walk_page_range(vma, addr, &mincore_walk_ops, NULL);
	up_write(&vma->vm_mapping->i_mmap_rwsem);
}

int hmm_range_fault(struct vm_area_struct *vma, unsigned long addr)
{
	return walk_page_range(vma, addr, &hmm_walk_ops, NULL);
}
