/*
 * locking-selftest.c: fs_reclaim_correct_nesting, "correct nesting"
 * (fs_reclaim_tests); one run.
 *
 * The selftest holds lockdep's fs_reclaim pseudo-lock
 * (fs_reclaim_acquire(GFP_KERNEL)) -- it pretends to be in memory reclaim --
 * and calls might_alloc(GFP_NOFS), the check an allocation with those flags
 * makes. Here the reclaim side is what really runs under fs_reclaim: a
 * shrinker's ->scan_objects, which the lock model's <fs reclaim> entry calls
 * with fs_reclaim held (kswapd, or direct reclaim in an allocation).
 * might_alloc is an allocation in the linux profile
 * whose gfp flags are its argument.
 *
 * lockdep: SUCCESS. GFP_NOFS has no __GFP_FS, so might_alloc's
 * fs_reclaim_acquire takes nothing: an allocation that cannot recurse into
 * the file system's reclaim is allowed in reclaim.
 *
 * lockorder agrees: GFP_NOFS does not enter fs reclaim.
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
	might_alloc(GFP_NOFS);
	return 0;
}

static struct shrinker test_shrinker = {
	.scan_objects = test_scan_objects,
};
