/*
 * Lock and unlock helpers that each test the same property of their
 * argument before touching the lock (6.1 mm/hugetlb.c: hugetlb_vma_lock_read
 * and hugetlb_vma_unlock_read take and drop the VMA's lock only when
 * __vma_shareable_lock(vma)), called in a loop by a caller that takes a
 * fault mutex first (mm/userfaultfd.c, __mcopy_atomic_hugetlb).
 *
 * Read from their bodies, each helper has a path that skips the lock, and
 * nothing ties the test in one to the test in the other: the path that
 * locks and then skips the unlock kept the VMA lock into the next pass,
 * where the fault mutex was taken under it, the reverse of the documented
 * hugetlb_fault_mutex -> vma_lock (mm/rmap.c). The linux profile declares
 * these helpers as taking and dropping the lock, as lockdep sees them when
 * they do.
 *
 * expect-none
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
