/*
 * locking-selftest.c: fs_reclaim_wrong_nesting, "wrong nesting"
 * (fs_reclaim_tests); one run.
 *
 * The selftest holds lockdep's fs_reclaim pseudo-lock
 * (fs_reclaim_acquire(GFP_KERNEL)) -- it pretends to be in memory reclaim --
 * and calls might_alloc(GFP_KERNEL), the check an allocation with those flags
 * makes. Here the reclaim side is what really runs under fs_reclaim: a
 * shrinker's ->scan_objects, which the lock model's <fs reclaim> entry calls
 * with fs_reclaim held (kswapd, or direct reclaim in an allocation).
 * might_alloc is an allocation in the linux profile
 * whose gfp flags are its argument.
 *
 * lockdep: FAILURE, "possible recursive locking detected" on fs_reclaim:
 * GFP_KERNEL allows fs reclaim, so might_alloc takes fs_reclaim again while
 * it is held. A GFP_KERNEL allocation in reclaim can recurse into reclaim and
 * wait for the very locks and I/O the outer reclaim holds.
 *
 * Must report: LO002 fs_reclaim, at the allocation.
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
	might_alloc(GFP_KERNEL); /* expect LO002: fs_reclaim */
	return 0;
}

static struct shrinker test_shrinker = {
	.scan_objects = test_scan_objects,
};
