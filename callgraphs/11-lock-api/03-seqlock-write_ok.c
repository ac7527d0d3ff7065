/*
 * Two seqlocks are two lock classes, named from their declarations, as lockdep
 * keys each DEFINE_SEQLOCK: d_path-like code takes rename_lock's writer side
 * inside mount_lock's exclusive reader side, and nothing takes them the other
 * way round.  Were every seqlock one class (the member lock inside seqlock_t,
 * as the static inlines' bodies would name it), this would be recursive
 * locking.
 *
 * Must report nothing.  expect-none
 */

typedef struct { int sequence; } seqcount_t;
typedef struct { int rlock; } spinlock_t;
typedef struct { seqcount_t seqcount; spinlock_t lock; } seqlock_t;
struct dentry { struct dentry *d_parent; int d_seq; };

static DEFINE_SEQLOCK(mount_lock);
static DEFINE_SEQLOCK(rename_lock);

void d_move_under_mount_ish(struct dentry *dentry, struct dentry *target)
{
	read_seqlock_excl(&mount_lock);
	write_seqlock(&rename_lock);
	dentry->d_parent = target;
	write_sequnlock(&rename_lock);
	read_sequnlock_excl(&mount_lock);
}

int prepend_path_ish(struct dentry *dentry)
{
	int depth = 0;

	read_seqlock_excl(&mount_lock);
	while (dentry->d_parent != dentry) {
		dentry = dentry->d_parent;
		depth++;
	}
	read_sequnlock_excl(&mount_lock);
	return depth;
}
