/*
 * A lock macro's `unlikely()` (twin): the assertion keeps what its trylock
 * took, and run_gc forgets commit_sem.
 *
 * 05-branch-profiling-unlikely_ok.c with two slips: run_gc calls the collector
 * without taking commit_sem (what ubifs_assert_cmt_locked is there to catch),
 * and the assertion has no up_write(). Its trylock then succeeds and keeps
 * commit_sem for writing: the collector returns holding it, and run_gc takes
 * lp_mutex under it, the reverse of do_commit's order.
 */

struct rw_semaphore { long count; };
struct mutex { long owner; };
struct ubifs_info { struct rw_semaphore commit_sem; struct mutex lp_mutex; int min_idx_lebs; };
struct branch_data { const char *func; int line; };

void record_branch(struct branch_data *d, long taken, int expected, int constant);
void ubifs_err(struct ubifs_info *c, const char *msg);
int collect_one_leb(struct ubifs_info *c);

/* The branch-profiling form, written first as in compiler.h. */
#define profiled_branch(cond, expected, constant) ({			\
		long __taken;						\
		static struct branch_data __data = { .line = __LINE__ };	\
		__taken = __builtin_expect(!!(cond), expected);		\
		record_branch(&__data, __taken, expected, constant);	\
		__taken;						\
	})
#define unlikely(x) (profiled_branch(x, 0, __builtin_constant_p(x)))

#define ubifs_assert_cmt_locked(c) do {					\
	if (unlikely(down_write_trylock(&(c)->commit_sem))) {		\
		ubifs_err(c, "commit lock is not locked!");		\
	}								\
} while (0)

int ubifs_garbage_collect(struct ubifs_info *c)
{
	int lnum;

	ubifs_assert_cmt_locked(c);
	lnum = collect_one_leb(c);
	return lnum;
}

/* The budgeting code runs the collector, here without commit_sem. */
int run_gc(struct ubifs_info *c)
{
	int lnum;

	lnum = ubifs_garbage_collect(c);
	mutex_lock(&c->lp_mutex);
	c->min_idx_lebs = lnum;
	mutex_unlock(&c->lp_mutex);
	return lnum;
}

/* The commit takes commit_sem for writing under lp_mutex (an order of its own). */
void do_commit(struct ubifs_info *c)
{
	mutex_lock(&c->lp_mutex);
	down_write(&c->commit_sem); /* expect LO001: ubifs_info.commit_sem -> ubifs_info.lp_mutex [confirmed] */
	c->min_idx_lebs = 0;
	up_write(&c->commit_sem);
	mutex_unlock(&c->lp_mutex);
}
