/*
 * S11-23 (bad twin) The locking helper called without its nest lock.
 *
 * The same vm_lock_mapping, but take_all_locks forgot mmap_write_lock: the
 * second mapping's i_mmap_rwsem is taken while the first is held and no
 * nest lock serializes the tasks that do so. lockdep reports recursive
 * locking (and that the nest lock is not held); so does lockorder. Its
 * simulator does not follow this witness into the helper's second call and
 * calls that an internal inconsistency (inconclusive), as it does with a plain
 * down_write in the helper: a known gap of the simulator, not of the nest
 * rule.
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct vm_area_struct { struct address_space *mapping; struct vm_area_struct *next; };

static void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping)
{
	down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock); /* expect LO002: address_space.i_mmap_rwsem [inconclusive] */
}

int take_all_locks(struct mm_struct *mm, struct vm_area_struct *vma)
{
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	return 0;
}
