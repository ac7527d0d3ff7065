/*
 * A constant argument selects the callee's branch (6.1 mm/hugetlb.c):
 * hugetlb_unshare_pmds(vma, start, end, take_locks) takes the VMA lock and
 * then i_mmap_rwsem only "if (take_locks)", and passes take_locks on to
 * __huge_pmd_unshare. hugetlb_split runs under i_mmap_rwsem (vma_adjust holds
 * it) and calls it with take_locks = false: it takes neither lock there.
 * Read without the argument's value, hugetlb_split ordered i_mmap_rwsem before
 * the VMA lock, the reverse of mm/rmap.c's documented order that the fault
 * path follows: a false cycle. The callee is analysed again for the call's
 * constant, and so is the helper it passes the parameter to.
 *
 * expect-none
 */

typedef _Bool bool;
#define false 0
#define true 1

struct rw_semaphore { long count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct hugetlb_vma_lock { struct rw_semaphore rw_sema; };
struct vm_area_struct {
	struct address_space *vm_mapping;
	struct hugetlb_vma_lock *vm_private_data;
	unsigned long vm_start;
};

static void vma_lock_write_if(struct vm_area_struct *vma, bool take_locks)
{
	if (take_locks)
		down_write(&vma->vm_private_data->rw_sema);
}

static void vma_unlock_write_if(struct vm_area_struct *vma, bool take_locks)
{
	if (take_locks)
		up_write(&vma->vm_private_data->rw_sema);
}

static void hugetlb_unshare_pmds(struct vm_area_struct *vma, unsigned long start, unsigned long end, bool take_locks)
{
	unsigned long address;

	vma_lock_write_if(vma, take_locks);
	if (take_locks)
		down_write(&vma->vm_mapping->i_mmap_rwsem);
	for (address = start; address < end; address += 4096)
		vma->vm_start = address;
	if (take_locks)
		up_write(&vma->vm_mapping->i_mmap_rwsem);
	vma_unlock_write_if(vma, take_locks);
}

void hugetlb_split(struct vm_area_struct *vma, unsigned long addr)
{
	down_write(&vma->vm_mapping->i_mmap_rwsem);
	hugetlb_unshare_pmds(vma, addr, addr + 4096, /* take_locks = */ false);
	up_write(&vma->vm_mapping->i_mmap_rwsem);
}

void hugetlb_fault(struct vm_area_struct *vma)
{
	down_read(&vma->vm_private_data->rw_sema);
	down_read(&vma->vm_mapping->i_mmap_rwsem);
	vma->vm_start = 0;
	up_read(&vma->vm_mapping->i_mmap_rwsem);
	up_read(&vma->vm_private_data->rw_sema);
}
