/*
 * A retry on a busy commit compares the result with its error code.
 *
 * begin_commit() returns 0 with the journal's barrier held, or -EALREADY
 * (and nothing held) while another commit runs; fast_commit() retries on
 * -EALREADY. Only a zero result holds the barrier, so the retry never takes
 * it twice, and end_commit() drops it before the stats lock is taken.
 *
 * expect-none
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
	end_commit(j);
	spin_lock(&stats_lock);
	j->seq = tid;
	spin_unlock(&stats_lock);
	return ret;
}
