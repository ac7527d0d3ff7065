/*
 * 6.1's pipe_double_lock (fs/pipe.c): a helper takes the pipe's mutex with the
 * lockdep subclass its caller passes, and the caller locks two pipes in
 * address order, the first as I_MUTEX_PARENT and the second as I_MUTEX_CHILD.
 * The subclass is a parameter, and the call passes an enum constant: each call
 * takes the subclass it passes (ADR-015), pipe_inode_info.mutex/1 and then /2,
 * which is no recursive lock (read as one subclass, "mutex/subclass" twice, it
 * was one). splice's wrapper takes the plain class through another constant.
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
};

static void pipe_lock_nested(struct pipe_inode_info *pipe, int subclass)
{
	if (pipe->files)
		mutex_lock_nested(&pipe->mutex, subclass);
}

static void pipe_unlock(struct pipe_inode_info *pipe)
{
	if (pipe->files)
		mutex_unlock(&pipe->mutex);
}

void pipe_lock(struct pipe_inode_info *pipe)
{
	pipe_lock_nested(pipe, I_MUTEX_NORMAL);
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

long link_pipe(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe)
{
	pipe_double_lock(ipipe, opipe);
	opipe->head = ipipe->head;
	pipe_unlock(ipipe);
	pipe_unlock(opipe);
	return 0;
}

long pipe_fcntl(struct pipe_inode_info *pipe)
{
	pipe_lock(pipe);
	pipe->head = 0;
	pipe_unlock(pipe);
	return 0;
}
