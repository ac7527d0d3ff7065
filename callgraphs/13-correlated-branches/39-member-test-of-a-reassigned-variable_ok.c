/*
 * 6.1's do_brk_flags (mm/mmap.c): when the new range extends the previous
 * vma, it takes the vma's anon_vma lock and drops it under the same
 * if (vma->anon_vma) test; further down, the function assigns vma a newly
 * allocated one. The parameter is not stable, but every change to it is an
 * assignment the CFG sees, so the two member tests are one condition until
 * then (ADR-004, stop 47): the lock does not leak into the caller, which
 * takes a mapping's i_mmap_rwsem next (no false AB-BA against the rmap
 * order, i_mmap_rwsem -> anon_vma).
 *
 * expect-none
 */

struct rw_semaphore { long count; };
struct anon_vma { struct rw_semaphore rwsem; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct vm_area_struct {
	struct anon_vma *anon_vma;
	struct address_space *vm_mapping;
	unsigned long vm_end;
};
struct vm_area_struct *vm_area_alloc(void);
int can_vma_merge_after(struct vm_area_struct *vma, unsigned long addr);

static int do_brk_flags(struct vm_area_struct *vma, unsigned long addr, unsigned long len)
{
	if (vma && can_vma_merge_after(vma, addr)) {
		if (vma->anon_vma)
			down_write(&vma->anon_vma->rwsem);
		vma->vm_end = addr + len;
		if (vma->anon_vma)
			up_write(&vma->anon_vma->rwsem);
		return 0;
	}
	vma = vm_area_alloc();
	if (!vma)
		return -12;
	vma->vm_end = addr + len;
	return 0;
}

int vm_brk_flags(struct vm_area_struct *vma, unsigned long addr, unsigned long len)
{
	int ret = do_brk_flags(vma, addr, len);

	down_write(&vma->vm_mapping->i_mmap_rwsem);
	vma->vm_end = addr;
	up_write(&vma->vm_mapping->i_mmap_rwsem);
	return ret;
}

void unlink_anon_vmas(struct vm_area_struct *vma)
{
	down_write(&vma->vm_mapping->i_mmap_rwsem);
	down_write(&vma->anon_vma->rwsem);
	vma->vm_end = 0;
	up_write(&vma->anon_vma->rwsem);
	up_write(&vma->vm_mapping->i_mmap_rwsem);
}
