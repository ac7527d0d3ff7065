/*
 * expect-none
 *
 * walk_page_mapping walks under i_mmap_rwsem, and its only caller passes
 * clean_walk_ops, whose callbacks take no lock. hmm_walk_ops' pte_hole takes
 * the page-table lock, but hmm walks with walk_page_range, under no lock.
 * Every call of walk_page_mapping gets a copy bound to its caller's table
 * (ADR-008), and the walker's own body, read with every table's callbacks, is
 * code no thread runs: it orders no locks. (Analyzed as a function of its
 * own, it ordered i_mmap_rwsem before the page-table lock through hmm's
 * callback, against zap_pte_range's order below.)
 */

struct spinlock { int raw; };
struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct spinlock page_table_lock; };
struct vm_area_struct { struct mm_struct *vm_mm; struct address_space *vm_mapping; };

struct mm_walk;
struct mm_walk_ops {
	int (*pte_entry)(unsigned long addr, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, struct mm_walk *walk);
};
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct vm_area_struct *vma;
};

static int walk_page_test(unsigned long addr, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;

	if (ops->pte_hole)
		return ops->pte_hole(addr, walk);
	if (ops->pte_entry)
		return ops->pte_entry(addr, walk);
	return 0;
}

int walk_page_range(struct vm_area_struct *vma, unsigned long addr,
		    const struct mm_walk_ops *ops)
{
	struct mm_walk walk = { .ops = ops, .vma = vma };

	return walk_page_test(addr, &walk);
}

int walk_page_mapping(struct vm_area_struct *vma, unsigned long addr,
		      const struct mm_walk_ops *ops)
{
	struct mm_walk walk = { .ops = ops, .vma = vma };
	int err;

	down_write(&vma->vm_mapping->i_mmap_rwsem);
	err = walk_page_test(addr, &walk);
	up_write(&vma->vm_mapping->i_mmap_rwsem);
	return err;
}

static int clean_record_pte(unsigned long addr, struct mm_walk *walk)
{
	return 0;
}

static int hmm_vma_walk_hole(unsigned long addr, struct mm_walk *walk)
{
	spin_lock(&walk->vma->vm_mm->page_table_lock);
	spin_unlock(&walk->vma->vm_mm->page_table_lock);
	return 0;
}

static const struct mm_walk_ops clean_walk_ops = {
	.pte_entry = clean_record_pte,
};

static const struct mm_walk_ops hmm_walk_ops = {
	.pte_hole = hmm_vma_walk_hole,
};

int clean_record_shared_mapping_range(struct vm_area_struct *vma, unsigned long addr)
{
	return walk_page_mapping(vma, addr, &clean_walk_ops);
}

int hmm_range_fault(struct vm_area_struct *vma, unsigned long addr)
{
	return walk_page_range(vma, addr, &hmm_walk_ops);
}

void zap_pte_range(struct vm_area_struct *vma)
{
	spin_lock(&vma->vm_mm->page_table_lock);
	down_read(&vma->vm_mapping->i_mmap_rwsem);
	up_read(&vma->vm_mapping->i_mmap_rwsem);
	spin_unlock(&vma->vm_mm->page_table_lock);
}
