/*
 * seqlock_t writers take the seqlock's spinlock.  include/linux/seqlock.h
 * writes write_seqlock and friends as static inlines over spin_lock on the
 * seqlock's member lock, which would make every seqlock of the kernel one
 * class; lockdep gives each DEFINE_SEQLOCK its own.  The lock model declares
 * the writer API, and the class is the seqlock's declaration: mount_lock.
 *
 * fs/namespace.c: namespace_sem is taken before mount_lock
 * (lock_mount_hash), as in attach_recursive_mnt_ish.  umount_tree_ish is a
 * made-up inversion: it waits for namespace_sem while it holds mount_lock.
 *
 * Must report:
 *   LO001 mount_lock -> namespace_sem.
 */

typedef struct { int sequence; } seqcount_t;
typedef struct { int rlock; } spinlock_t;
typedef struct { seqcount_t seqcount; spinlock_t lock; } seqlock_t;
struct rw_semaphore { long count; };
struct mount { struct mount *mnt_parent; int mnt_count; };

static DECLARE_RWSEM(namespace_sem);
static DEFINE_SEQLOCK(mount_lock);

static inline void lock_mount_hash(void)
{
	write_seqlock(&mount_lock);
}

static inline void unlock_mount_hash(void)
{
	write_sequnlock(&mount_lock);
}

int attach_recursive_mnt_ish(struct mount *mnt, struct mount *parent)
{
	down_write(&namespace_sem);
	lock_mount_hash();	/* expect LO001: mount_lock -> namespace_sem */
	mnt->mnt_parent = parent;
	unlock_mount_hash();
	up_write(&namespace_sem);
	return 0;
}

void umount_tree_ish(struct mount *mnt)
{
	unsigned long flags;

	write_seqlock_irqsave(&mount_lock, flags);
	down_read(&namespace_sem);
	mnt->mnt_count--;
	up_read(&namespace_sem);
	write_sequnlock_irqrestore(&mount_lock, flags);
}
