/*
 * Linux 6.1's gfs2: gfs2_dispose_glock_lru() holds lru_lock and calls
 * handle_callback(gl, ..., false), which hands remote on to the glock's
 * ->go_callback; freeze_go_callback returns at once unless remote. The
 * callback reaches the shrinker and the LRU again, so all of them are one
 * recursion, where no specialised summary applies: the copy of
 * handle_callback for remote = false passes the value on (ADR-007 later), and
 * its callback's copy takes no lock. Only a remote demote thaws under
 * shrinker_rwsem, in the shrinker's order: no finding.
 *
 * expect-none
 */

typedef _Bool bool;
#define true 1
#define false 0

struct spinlock { int raw; };
struct rw_semaphore { long count; };

static struct spinlock lru_lock;
static struct rw_semaphore shrinker_rwsem;

struct glock;
struct glock_operations {
	void (*go_callback)(struct glock *gl, bool remote);
};
struct glock {
	const struct glock_operations *gl_ops;
	struct glock *gl_lru_next;
};

void dispose_glock_lru(struct glock *gl);

static void handle_callback(struct glock *gl, bool remote)
{
	if (gl->gl_ops->go_callback)
		gl->gl_ops->go_callback(gl, remote);
}

static void freeze_go_callback(struct glock *gl, bool remote)
{
	if (!remote)
		return;
	down_read(&shrinker_rwsem);
	if (gl->gl_lru_next)
		dispose_glock_lru(gl->gl_lru_next);
	up_read(&shrinker_rwsem);
}

const struct glock_operations freeze_glops = {
	.go_callback = freeze_go_callback,
};

void dispose_glock_lru(struct glock *gl)
{
	spin_lock(&lru_lock);
	handle_callback(gl, false);
	spin_unlock(&lru_lock);
}

void remote_demote(struct glock *gl)
{
	handle_callback(gl, true);
}

unsigned long glock_shrink_scan(struct glock *gl)
{
	down_read(&shrinker_rwsem);
	spin_lock(&lru_lock);
	spin_unlock(&lru_lock);
	up_read(&shrinker_rwsem);
	return 0;
}
