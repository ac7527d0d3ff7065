/*
 * The _ok twin, but collapse clears vma->anon_vma between the two tests: the
 * second test can find it NULL while the lock is held, the unlock is skipped,
 * and caller takes i_mmap_rwsem under anon_vma.rwsem, against other's order.
 * A member the body assigns gives no pointer facts.
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
	vma->anon_vma = 0;
	if (vma->anon_vma)
		up_write(&vma->anon_vma->rwsem);
	return 0;
}
void caller(struct vm_area_struct *vma)
{
	collapse(vma);
	down_write(&vma->mapping->i_mmap_rwsem); /* expect LO001: address_space.i_mmap_rwsem -> anon_vma.rwsem */
	up_write(&vma->mapping->i_mmap_rwsem);
}
void other(struct vm_area_struct *vma)
{
	down_write(&vma->mapping->i_mmap_rwsem);
	down_write(&vma->anon_vma->rwsem);
	up_write(&vma->anon_vma->rwsem);
	up_write(&vma->mapping->i_mmap_rwsem);
}
