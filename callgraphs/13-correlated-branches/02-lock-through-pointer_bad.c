/*
 * The _ok twin's pointer test, but the variable is assigned again after the
 * lock was taken through it: mapping now points at the next file's mapping,
 * and finding it NULL says nothing about the lock, which is still held. The
 * NULL side takes mmap_lock under i_mmap_rwsem, the reverse of
 * mmap_region's order: a real cycle, which the pointer test must not hide.
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct file { struct address_space *f_mapping; };
struct vm_area_struct { struct file *vm_file; struct vm_area_struct *vm_next; unsigned long vm_start; };
struct mm_struct { struct rw_semaphore mmap_lock; int map_count; };

static void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

int mmap_region(struct mm_struct *mm, struct vm_area_struct *vma)
{
	down_write(&mm->mmap_lock);
	i_mmap_lock_write(vma->vm_file->f_mapping);
	vma->vm_start = 0;
	i_mmap_unlock_write(vma->vm_file->f_mapping);
	up_write(&mm->mmap_lock);
	return 0;
}

int link_next_file(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct address_space *first = vma->vm_file->f_mapping;
	struct address_space *mapping = first;

	i_mmap_lock_write(mapping);
	mapping = vma->vm_next->vm_file ? vma->vm_next->vm_file->f_mapping : NULL;
	if (!mapping) {
		down_read(&mm->mmap_lock); /* expect LO001: address_space.i_mmap_rwsem -> mm_struct.mmap_lock */
		vma->vm_start = 0;
		up_read(&mm->mmap_lock);
	}
	i_mmap_unlock_write(first);
	return 0;
}
