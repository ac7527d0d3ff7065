/*
 * A pair of helpers that lock and unlock through members of their argument,
 * each testing the member itself (6.1 mm/mremap.c):
 *
 *	static void take_rmap_locks(struct vm_area_struct *vma)
 *	{
 *		if (vma->vm_file)
 *			i_mmap_lock_write(vma->vm_file->f_mapping);
 *		if (vma->anon_vma)
 *			anon_vma_lock_write(vma->anon_vma);
 *	}
 *
 * and drop_rmap_locks, its mirror image, called by move_pgt_entry on the
 * same vma. Each helper alone has an exit that found vma->anon_vma NULL;
 * read one after the other without a tie between them, the caller could
 * lock the anon_vma in the first and find the member NULL in the second,
 * and so return holding anon_vma.rwsem: the next move_pgt_entry then took
 * i_mmap_rwsem under it, the reverse of mm/rmap.c's documented order.
 * Taking the lock dereferenced vma->anon_vma, so while the caller holds it,
 * the unlocking helper's exit that found the member NULL is not this
 * call's (ADR-006, members of parameters across callees). The same holds for
 * helpers that lock beneath the member themselves (take_anon/drop_anon
 * below): 'up_write(&vma->anon_vma->root->rwsem)' stores nothing into
 * vma->anon_vma, so 'if (vma->anon_vma)' stays a condition there.
 *
 * expect-none
 */
struct rw_semaphore { long count; };
struct anon_vma { struct anon_vma *root; struct rw_semaphore rwsem; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct file { struct address_space *f_mapping; };
struct vm_area_struct { struct file *vm_file; struct anon_vma *anon_vma; };

int move_normal_pmd(struct vm_area_struct *vma, unsigned long addr);

static inline void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}
static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}
static inline void anon_vma_lock_write(struct anon_vma *anon_vma)
{
	down_write(&anon_vma->root->rwsem);
}
static inline void anon_vma_unlock_write(struct anon_vma *anon_vma)
{
	up_write(&anon_vma->root->rwsem);
}

static void take_rmap_locks(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_lock_write(vma->vm_file->f_mapping);
	if (vma->anon_vma)
		anon_vma_lock_write(vma->anon_vma);
}

static void drop_rmap_locks(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		anon_vma_unlock_write(vma->anon_vma);
	if (vma->vm_file)
		i_mmap_unlock_write(vma->vm_file->f_mapping);
}

static int move_pgt_entry(struct vm_area_struct *vma, unsigned long addr, int need_rmap_locks)
{
	int moved;

	if (need_rmap_locks)
		take_rmap_locks(vma);
	moved = move_normal_pmd(vma, addr);
	if (need_rmap_locks)
		drop_rmap_locks(vma);
	return moved;
}

long move_page_tables(struct vm_area_struct *vma, unsigned long addr, int need_rmap_locks)
{
	move_pgt_entry(vma, addr, need_rmap_locks);
	move_pgt_entry(vma, addr + 4096, need_rmap_locks);
	return 0;
}

/* mm/rmap.c's order: i_mmap_rwsem, then anon_vma->rwsem. */
void rmap_order(struct vm_area_struct *vma)
{
	i_mmap_lock_write(vma->vm_file->f_mapping);
	anon_vma_lock_write(vma->anon_vma);
	anon_vma_unlock_write(vma->anon_vma);
	i_mmap_unlock_write(vma->vm_file->f_mapping);
}

static void take_anon(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		down_write(&vma->anon_vma->root->rwsem);
}

static void drop_anon(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		up_write(&vma->anon_vma->root->rwsem);
}

static void copy_pte_range(struct vm_area_struct *vma, unsigned long addr)
{
	take_anon(vma);
	move_normal_pmd(vma, addr);
	drop_anon(vma);
}

long copy_page_tables(struct vm_area_struct *vma, unsigned long addr)
{
	copy_pte_range(vma, addr);
	copy_pte_range(vma, addr + 4096);
	return 0;
}
