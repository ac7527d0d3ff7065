/*
 * locking-selftest.c: fs_reclaim_protected_nesting, "protected nesting"
 * (fs_reclaim_tests); one run.
 *
 * The selftest holds lockdep's fs_reclaim pseudo-lock
 * (fs_reclaim_acquire(GFP_KERNEL)) -- it pretends to be in memory reclaim --
 * and calls might_alloc(GFP_KERNEL) inside a memalloc_nofs_save() /
 * memalloc_nofs_restore() scope. Here the reclaim side is what really runs
 * under fs_reclaim: a shrinker's ->scan_objects, which the lock model's
 * <fs reclaim> entry calls with fs_reclaim held (kswapd, or direct reclaim in
 * an allocation). might_alloc is an allocation in the linux profile whose gfp flags are its argument.
 *
 * lockdep: SUCCESS. Inside the scope, current_gfp_context() strips __GFP_FS
 * from every allocation of the task, so might_alloc(GFP_KERNEL) acts as
 * GFP_NOFS and fs_reclaim_acquire takes nothing.
 *
 * lockorder agrees: allocations inside memalloc_nofs_save() do not enter fs
 * reclaim.
 *
 * expect-none
 */

struct shrinker;

struct shrink_control {
	unsigned long nr_to_scan;
};

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *s, struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *s, struct shrink_control *sc);
};

/* reclaim context: runs with fs_reclaim held */
unsigned long test_scan_objects(struct shrinker *s, struct shrink_control *sc)
{
	unsigned int flags;

	flags = memalloc_nofs_save();
	might_alloc(GFP_KERNEL);
	memalloc_nofs_restore(flags);
	return 0;
}

static struct shrinker test_shrinker = {
	.scan_objects = test_scan_objects,
};
