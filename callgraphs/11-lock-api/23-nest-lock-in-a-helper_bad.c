/*
 * S11-23 (bad twin) The locking helper called without its nest lock.
 *
 * The same vm_lock_mapping, but take_all_locks forgot mmap_write_lock: the
 * second mapping's i_mmap_rwsem is taken while the first is held and no
 * nest lock serializes the tasks that do so. lockdep reports recursive
 * locking (and that the nest lock is not held); so does lockorder, and its
 * simulator confirms it: two threads walking the VMAs, each holding one
 * mapping's lock and taking the other's. The witness repeats the loop's call
 * of the helper; the simulator first reads that as one call reaching the
 * acquisition twice (a loop inside the helper), finds no such path, and then
 * walks it as two calls (before, it stopped there: "internal inconsistency").
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct vm_area_struct { struct address_space *mapping; struct vm_area_struct *next; };

static void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping)
{
	down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock); /* expect LO002: address_space.i_mmap_rwsem [confirmed] */
}

int take_all_locks(struct mm_struct *mm, struct vm_area_struct *vma)
{
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	return 0;
}
