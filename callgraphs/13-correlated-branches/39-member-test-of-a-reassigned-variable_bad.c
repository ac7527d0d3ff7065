/*
 * The _ok twin, but the extension assigns vma between the two tests (a
 * made-up bug: it drops the lock of another vma's anon_vma). The second test
 * is of the new value, so the lock taken may still be held when the caller
 * takes i_mmap_rwsem: the AB-BA against the rmap order is possible.
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
		vma = vm_area_alloc();
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

	down_write(&vma->vm_mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> anon_vma.rwsem [confirmed] */
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
