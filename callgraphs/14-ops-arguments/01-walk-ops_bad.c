/*
 * The _ok twin, but hmm_range_fault walks with the page-table lock held: its
 * callback takes i_mmap_rwsem under it, while mincore_vma takes the
 * page-table lock under i_mmap_rwsem. The walk passes each caller's table
 * (ADR-008), so both orders are found, each through the callback its own
 * caller passed.
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
	down_read(&walk->vma->vm_mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> mm_struct.page_table_lock */
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
	int ret;

	spin_lock(&vma->vm_mm->page_table_lock);
	ret = walk_page_range(vma, addr, &hmm_walk_ops, NULL);
	spin_unlock(&vma->vm_mm->page_table_lock);
	return ret;
}
