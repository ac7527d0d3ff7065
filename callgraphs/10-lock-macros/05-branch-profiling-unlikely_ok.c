/*
 * A lock macro's `unlikely()` stays a condition wrapper when the macro is
 * expanded.
 *
 * 6.1 fs/ubifs/debug.h: ubifs_assert_cmt_locked(c) checks that commit_sem is
 * held by trying to take it for writing: `if (unlikely(down_write_trylock(
 * &c->commit_sem))) { up_write(&c->commit_sem); ubifs_err(...); }`. The macro
 * uses the lock API, so lockorder expands it, and the macros it uses with it.
 * include/linux/compiler.h's first definition of unlikely() is the one for
 * CONFIG_TRACE_BRANCH_PROFILING: a statement expression that stores the
 * condition in a local, records it, and yields the local, with the condition
 * repeated under __builtin_constant_p. Expanded that way, the trylock's result
 * no longer reached the `if`, and ubifs_garbage_collect seemed to return
 * holding commit_sem for writing. lockorder keeps unlikely(), likely() and
 * WARN_ON() unexpanded inside expansions (the CFG reads their argument as the
 * condition), and never evaluates __builtin_constant_p's operand.
 *
 * expect-none
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
		up_write(&(c)->commit_sem);				\
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

/* The budgeting code runs the collector under commit_sem, read side. */
int run_gc(struct ubifs_info *c)
{
	int lnum;

	down_read(&c->commit_sem);
	lnum = ubifs_garbage_collect(c);
	up_read(&c->commit_sem);
	mutex_lock(&c->lp_mutex);
	c->min_idx_lebs = lnum;
	mutex_unlock(&c->lp_mutex);
	return lnum;
}

/* The commit takes commit_sem for writing under lp_mutex (an order of its own). */
void do_commit(struct ubifs_info *c)
{
	mutex_lock(&c->lp_mutex);
	down_write(&c->commit_sem);
	c->min_idx_lebs = 0;
	up_write(&c->commit_sem);
	mutex_unlock(&c->lp_mutex);
}
