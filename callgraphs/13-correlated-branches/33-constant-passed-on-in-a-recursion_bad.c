/*
 * The twin of 33-constant-passed-on-in-a-recursion_ok.c, with a made-up bug:
 * the LRU dispose passes remote = true, so the freeze callback thaws under
 * lru_lock, against the shrinker's order, and comes back to the LRU.
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
	down_read(&shrinker_rwsem); /* expect LO002: shrinker_rwsem [confirmed] */
	if (gl->gl_lru_next)
		dispose_glock_lru(gl->gl_lru_next);
	up_read(&shrinker_rwsem);
}

const struct glock_operations freeze_glops = {
	.go_callback = freeze_go_callback,
};

void dispose_glock_lru(struct glock *gl)
{
	spin_lock(&lru_lock); /* expect LO002: lru_lock [confirmed] */
	handle_callback(gl, true);
	spin_unlock(&lru_lock);
}

void remote_demote(struct glock *gl)
{
	handle_callback(gl, true);
}

unsigned long glock_shrink_scan(struct glock *gl)
{
	down_read(&shrinker_rwsem);
	spin_lock(&lru_lock); /* expect LO001: lru_lock -> shrinker_rwsem [confirmed] */
	spin_unlock(&lru_lock);
	up_read(&shrinker_rwsem);
	return 0;
}
