/*
 * A lock taken through a pointer and dropped under a test of that pointer
 * (6.1 mm/mmap.c, vma_link):
 *
 *	if (vma->vm_file) {
 *		mapping = vma->vm_file->f_mapping;
 *		i_mmap_lock_write(mapping);
 *	}
 *	...
 *	if (mapping) {
 *		__vma_link_file(vma, mapping);
 *		i_mmap_unlock_write(mapping);
 *	}
 *
 * The tests read different things (vma->vm_file, then mapping), so they are
 * not the same condition. But the lock was taken through mapping, after the
 * last assignment to it: on a path that holds it, mapping is not NULL, and
 * the path "lock, then find mapping NULL" cannot run. Read path by path
 * without that, vma_link returns holding i_mmap_rwsem, and execve's setup
 * then takes mmap_lock "under" it, the reverse of mmap_region's documented
 * order (mmap_lock -> i_mmap_rwsem): a false cycle. On Linux 6.1 it gave
 * sys_execve the edges i_mmap_rwsem -> mmap_lock and -> invalidate_lock.
 *
 * expect-none
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct file { struct address_space *f_mapping; };
struct vm_area_struct { struct file *vm_file; unsigned long vm_start; };
struct mm_struct { struct rw_semaphore mmap_lock; int map_count; };

static void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

static void vma_store(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mm->map_count += 0;
}

static void vma_link_file(struct vm_area_struct *vma, struct address_space *mapping)
{
	vma->vm_start += 0;
}

static int vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct address_space *mapping = NULL;

	if (vma->vm_file) {
		mapping = vma->vm_file->f_mapping;
		i_mmap_lock_write(mapping);
	}

	vma_store(mm, vma);

	if (mapping) {
		vma_link_file(vma, mapping);
		i_mmap_unlock_write(mapping);
	}

	mm->map_count++;
	return 0;
}

int mmap_region(struct mm_struct *mm, struct vm_area_struct *vma)
{
	down_write(&mm->mmap_lock);
	vma_link(mm, vma);
	up_write(&mm->mmap_lock);
	return 0;
}

int setup_exec_stack(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_link(mm, vma);
	down_read(&mm->mmap_lock);
	vma->vm_start = 0;
	up_read(&mm->mmap_lock);
	return 0;
}
