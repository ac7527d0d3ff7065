/*
 * The twin of 17-conditional-lock-helpers_ok.c with a second path that
 * takes the VMA lock for write and then a fault mutex, the reverse of the
 * documented hugetlb_fault_mutex -> vma_lock: with the copy loop, a real
 * AB-BA deadlock.
 */

struct mutex { long owner; };
struct rw_semaphore { long count; };

struct hugetlb_vma_lock { struct rw_semaphore rw_sema; };
struct vm_area_struct { unsigned long vm_flags; void *vm_private_data; };

static struct mutex hugetlb_fault_mutex_table[64];

static int vma_shareable(struct vm_area_struct *vma)
{
	return (vma->vm_flags & 8) && vma->vm_private_data;
}

void hugetlb_vma_lock_read(struct vm_area_struct *vma)
{
	if (vma_shareable(vma)) {
		struct hugetlb_vma_lock *vma_lock = vma->vm_private_data;

		down_read(&vma_lock->rw_sema);
	}
}

void hugetlb_vma_unlock_read(struct vm_area_struct *vma)
{
	if (vma_shareable(vma)) {
		struct hugetlb_vma_lock *vma_lock = vma->vm_private_data;

		up_read(&vma_lock->rw_sema);
	}
}

void hugetlb_vma_lock_write(struct vm_area_struct *vma)
{
	if (vma_shareable(vma)) {
		struct hugetlb_vma_lock *vma_lock = vma->vm_private_data;

		down_write(&vma_lock->rw_sema);
	}
}

void hugetlb_vma_unlock_write(struct vm_area_struct *vma)
{
	if (vma_shareable(vma)) {
		struct hugetlb_vma_lock *vma_lock = vma->vm_private_data;

		up_write(&vma_lock->rw_sema);
	}
}

int copy_huge_pages(struct vm_area_struct *dst_vma, unsigned long start, unsigned long len)
{
	unsigned long addr;
	int copied = 0;

	for (addr = start; addr < start + len; addr += 4096) {
		unsigned long hash = (addr >> 21) & 63;

		mutex_lock(&hugetlb_fault_mutex_table[hash]);
		hugetlb_vma_lock_read(dst_vma);
		copied++;
		hugetlb_vma_unlock_read(dst_vma);
		mutex_unlock(&hugetlb_fault_mutex_table[hash]);
	}
	return copied;
}

void unshare_huge_range(struct vm_area_struct *vma, unsigned long addr)
{
	hugetlb_vma_lock_write(vma);
	mutex_lock(&hugetlb_fault_mutex_table[(addr >> 21) & 63]); /* expect LO001: hugetlb_fault_mutex_table -> hugetlb_vma_lock.rw_sema */
	vma->vm_flags &= ~8UL;
	mutex_unlock(&hugetlb_fault_mutex_table[(addr >> 21) & 63]);
	hugetlb_vma_unlock_write(vma);
}
