/*
 * 6.1's splice_pipe_to_pipe (fs/splice.c): both pipes locked through
 * pipe_double_lock, and on the retry path both unlocked with pipe_unlock and
 * locked again. pipe_lock_nested and pipe_unlock each test pipe->files
 * themselves. The lock the first took under the test is guarded by it, so the
 * unlocking helper's exit that found files zero is not the one that follows
 * (as for a member on the lock's path, ADR-006 later); and pipe_unlock(ipipe)
 * unlocks the lock taken through ipipe, mutex/1, not the newer mutex/2 of the
 * output pipe. Nothing is held at the retry (no finding; before, each pipe's
 * subclass seemed taken twice).
 *
 * expect-none
 */

enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
};

struct mutex { long owner; };
struct pipe_inode_info {
	struct mutex mutex;
	unsigned int files;
	unsigned int head;
	unsigned int tail;
};

static void pipe_lock_nested(struct pipe_inode_info *pipe, int subclass)
{
	if (pipe->files)
		mutex_lock_nested(&pipe->mutex, subclass);
}

void pipe_unlock(struct pipe_inode_info *pipe)
{
	if (pipe->files)
		mutex_unlock(&pipe->mutex);
}

static void pipe_double_lock(struct pipe_inode_info *pipe1, struct pipe_inode_info *pipe2)
{
	if (pipe1 < pipe2) {
		pipe_lock_nested(pipe1, I_MUTEX_PARENT);
		pipe_lock_nested(pipe2, I_MUTEX_CHILD);
	} else {
		pipe_lock_nested(pipe2, I_MUTEX_PARENT);
		pipe_lock_nested(pipe1, I_MUTEX_CHILD);
	}
}

static int splice_pipe_to_pipe(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe)
{
retry:
	pipe_double_lock(ipipe, opipe);
	if (ipipe->head == ipipe->tail) {
		pipe_unlock(ipipe);
		pipe_unlock(opipe);
		goto retry;
	}
	opipe->head = ipipe->tail;
	pipe_unlock(ipipe);
	pipe_unlock(opipe);
	return 0;
}

long do_splice(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe)
{
	return splice_pipe_to_pipe(ipipe, opipe);
}
