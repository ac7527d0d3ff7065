/*
 * A lock taken through a member and dropped under a test of the same member
 * (6.1 mm/khugepaged.c, collapse_pte_mapped_thp):
 *
 *	if (vma->anon_vma)
 *		anon_vma_lock_write(vma->anon_vma);
 *	collapse_and_free_pmd(mm, vma, haddr, pmd);
 *	if (vma->anon_vma)
 *		anon_vma_unlock_write(vma->anon_vma);
 *
 * A member is not a stable variable, so the two tests were not correlated,
 * and the path "lock, then find vma->anon_vma NULL" returned holding
 * anon_vma.rwsem: khugepaged then took i_mmap_rwsem under it on Linux 6.1,
 * the reverse of mm/rmap.c's documented order. Taking the lock dereferenced
 * vma->anon_vma, so on the NULL side of the second test it is not held
 * (ADR-006), as long as the body never changes vma->anon_vma (and vma
 * itself is never assigned).
 *
 * expect-none
 */
struct rw_semaphore { long c; };
struct anon_vma { struct rw_semaphore rwsem; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct vm_area_struct { struct anon_vma *anon_vma; struct address_space *mapping; };
void collapse_and_free_pmd(struct vm_area_struct *vma);

int collapse(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		down_write(&vma->anon_vma->rwsem);
	collapse_and_free_pmd(vma);
	if (vma->anon_vma)
		up_write(&vma->anon_vma->rwsem);
	return 0;
}
void caller(struct vm_area_struct *vma)
{
	collapse(vma);
	down_write(&vma->mapping->i_mmap_rwsem);
	up_write(&vma->mapping->i_mmap_rwsem);
}
void other(struct vm_area_struct *vma)
{
	down_write(&vma->mapping->i_mmap_rwsem);
	down_write(&vma->anon_vma->rwsem);
	up_write(&vma->anon_vma->rwsem);
	up_write(&vma->mapping->i_mmap_rwsem);
}
