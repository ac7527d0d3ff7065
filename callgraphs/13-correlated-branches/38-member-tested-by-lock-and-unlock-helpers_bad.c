/*
 * The _ok twin, but the retry path unlocks only the input pipe: the output
 * pipe's lock is still held when pipe_double_lock takes it again, a real
 * recursive lock, and the input pipe's mutex/1 is taken under the output
 * pipe's mutex/2 against the order of the path that does not retry.
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
		mutex_lock_nested(&pipe->mutex, subclass); /* expect LO002: pipe_inode_info.mutex/2 [confirmed] */ /* expect LO001: pipe_inode_info.mutex/1 -> pipe_inode_info.mutex/2 [confirmed] */
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
