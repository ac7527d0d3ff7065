/*
 * The commit's stats updated under the barrier (twin).
 *
 * 07-result-compared-with-an-error-code_ok.c with end_commit() moved below
 * the stats update: a commit that began (a zero result, not -EALREADY) takes
 * stats_lock under the barrier, the reverse of read_stats()'s order.
 */

#define EALREADY 114
#define EINVAL 22

struct mutex { long owner; };
typedef struct { int rlock; } spinlock_t;
struct journal { struct mutex barrier; spinlock_t state_lock; int busy; int seq; };

static spinlock_t stats_lock;

static int begin_commit(struct journal *j, int tid)
{
	spin_lock(&j->state_lock);
	if (j->busy) {
		spin_unlock(&j->state_lock);
		return -EALREADY;
	}
	j->busy = 1;
	spin_unlock(&j->state_lock);
	mutex_lock(&j->barrier);
	return 0;
}

static void end_commit(struct journal *j)
{
	mutex_unlock(&j->barrier);
	spin_lock(&j->state_lock);
	j->busy = 0;
	spin_unlock(&j->state_lock);
}

int write_blocks(struct journal *j);

int fast_commit(struct journal *j, int tid)
{
	int ret;

restart:
	ret = begin_commit(j, tid);
	if (ret == -EALREADY) {
		if (j->seq < tid)
			goto restart;
		return 0;
	} else if (ret) {
		return ret;
	}
	ret = write_blocks(j);
	spin_lock(&stats_lock); /* expect LO001: journal.barrier -> stats_lock [confirmed] */
	j->seq = tid;
	spin_unlock(&stats_lock);
	end_commit(j);
	return ret;
}

/* The stats reader waits for the running commit under stats_lock. */
int read_stats(struct journal *j)
{
	int seq;

	spin_lock(&stats_lock);
	mutex_lock(&j->barrier);
	seq = j->seq;
	mutex_unlock(&j->barrier);
	spin_unlock(&stats_lock);
	return seq;
}
