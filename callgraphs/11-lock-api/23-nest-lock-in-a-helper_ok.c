/*
 * S11-23 A nest lock held by the caller of the function that takes the
 * nested instances.
 *
 * Shaped on 6.1 mm/mmap.c's mm_take_all_locks: with mmap_lock held for
 * write, it walks the VMAs and locks every mapping once, through
 * vm_lock_mapping, which takes each with
 * down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock). lockdep
 * allows another instance of a held class while the nest lock is held (the
 * nest lock serializes every task that nests them) and records no
 * dependency for it: no report.
 *
 * The helper does not hold mmap_lock itself, so its summary keeps the nest
 * lock with the acquisition, and the caller, which holds both the first
 * mapping's lock and mmap_lock, takes the second as a reference to the held
 * class (before, the rule was checked only where the acquiring function held
 * the nest lock, and this was a recursive i_mmap_rwsem). The same loop taking
 * the lock itself, and a caller that only asserts mmap_lock, are the same.
 * The _bad twin's caller holds no nest lock.
 *
 * expect-none
 */

struct rw_semaphore { int count; };
struct address_space { struct rw_semaphore i_mmap_rwsem; };
struct mm_struct { struct rw_semaphore mmap_lock; };
struct vm_area_struct { struct address_space *mapping; struct vm_area_struct *next; };

static void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping)
{
	down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock);
}

int take_all_locks(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_write_lock(mm);
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	return 0;
}

/* mm_take_all_locks itself: its callers hold mmap_lock */
int take_all_asserted(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_assert_write_locked(mm);
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	for (; vma; vma = vma->next)
		vm_lock_mapping(mm, vma->mapping);
	return 0;
}

int register_notifier(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return take_all_asserted(mm, vma);
}

int take_all_inline(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_write_lock(mm);
	for (; vma; vma = vma->next)
		down_write_nest_lock(&vma->mapping->i_mmap_rwsem, &mm->mmap_lock);
	return 0;
}
