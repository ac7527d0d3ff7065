/*
 * The _ok twin, but hugetlb_split passes take_locks = true: under the
 * i_mmap_rwsem it already holds, hugetlb_unshare_pmds takes the VMA lock and
 * then i_mmap_rwsem again. Both findings are real: the recursive write lock,
 * and the VMA lock ordered after i_mmap_rwsem against the fault path. The
 * constant argument must select the locking branch here as it skips it in the
 * _ok twin.
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
		down_write(&vma->vm_mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> hugetlb_vma_lock.rw_sema */ /* expect LO002: address_space.i_mmap_rwsem */
	for (address = start; address < end; address += 4096)
		vma->vm_start = address;
	if (take_locks)
		up_write(&vma->vm_mapping->i_mmap_rwsem);
	vma_unlock_write_if(vma, take_locks);
}

void hugetlb_split(struct vm_area_struct *vma, unsigned long addr)
{
	down_write(&vma->vm_mapping->i_mmap_rwsem);
	hugetlb_unshare_pmds(vma, addr, addr + 4096, /* take_locks = */ true);
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
