/*
 * S11-23 A nest lock held by the caller of the function that takes the
 * nested instances (a known false positive: nest_lock is checked where the
 * acquiring function holds the nest lock itself).
 *
 * Shaped on 6.1 mm/mmap.c's mm_take_all_locks: with mmap_lock held for
 * write, it walks the VMAs and locks every mapping once, through
 * vm_lock_mapping, which takes each with
 * down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock). lockdep
 * allows another instance of a held class while the nest lock is held (the
 * nest lock serializes every task that nests them) and records no
 * dependency for it: no report.
 *
 * lockorder applies the rule inside vm_lock_mapping, where mmap_lock is not
 * held, so the summary's acquisition carries no nest lock, and the caller's
 * loop, holding the first mapping's lock, takes the second: a recursive
 * i_mmap_rwsem. take_all_inline, the same loop with the lock taken in the
 * caller, gets no finding. The simulator, which plays the nest rule on the
 * whole path, cannot follow the witness past the helper's second call and
 * says so (inconclusive). Needs: a summary's acquisition to keep its nest
 * lock, so that the caller checks it.
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct vm_area_struct { struct address_space *mapping; struct vm_area_struct *next; };

static void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping)
{
	down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock); /* expect-fp LO002: address_space.i_mmap_rwsem [inconclusive] — the caller's nest lock (mmap_lock) is not seen by the callee's acquisition */
}

int take_all_locks(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_write_lock(mm);
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	return 0;
}

int take_all_inline(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_write_lock(mm);
	for (; vma; vma = vma->next)
		down_write_nest_lock(&vma->mapping->i_mmap_rwsem, &mm->mmap_lock);
	return 0;
}
