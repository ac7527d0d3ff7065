/*
 * A helper that unlocks its pipe through another helper: release_input()
 * calls pipe_unlock() on its argument, and pipe_unlock() unlocks
 * pipe->mutex. splice_again() holds the input pipe's mutex/1 and the output
 * pipe's newer mutex/2 when it calls release_input(ipipe): the lock released
 * is the one taken through that argument, the input pipe's
 * (AnalysisContext.releaseParams reads the callee's own map), so the output
 * pipe's mutex/2 is still held when the retry takes it again: a real
 * recursive lock. Released by class, the newest first, the output pipe's
 * lock looked released and the input pipe's held: nothing was reported.
 */

enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
};

struct mutex { long owner; };
struct pipe_inode_info {
	struct mutex mutex;
	unsigned int head;
	unsigned int tail;
};

static void pipe_unlock(struct pipe_inode_info *pipe)
{
	mutex_unlock(&pipe->mutex);
}

static void release_input(struct pipe_inode_info *ipipe)
{
	ipipe->tail = ipipe->head;
	pipe_unlock(ipipe);
}

long splice_again(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe)
{
	mutex_lock_nested(&ipipe->mutex, I_MUTEX_PARENT);
	mutex_lock_nested(&opipe->mutex, I_MUTEX_CHILD);
	opipe->head = ipipe->tail;
	release_input(ipipe);
	mutex_lock_nested(&opipe->mutex, I_MUTEX_CHILD); /* expect LO002: pipe_inode_info.mutex/2 [confirmed] */
	opipe->head++;
	pipe_unlock(opipe);
	pipe_unlock(opipe);
	return 0;
}
