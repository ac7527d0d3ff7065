/*
 * The _ok twin, and a tee that locks the output pipe as I_MUTEX_CHILD before
 * the input pipe as I_MUTEX_PARENT, whatever their addresses: /2 then /1,
 * against link_pipe's /1 then /2. lockdep reports that AB-BA between the two
 * subclasses, and it is a deadlock when link_pipe(a, b), a below b, runs
 * beside tee_out_first(a, b). The simulator names each helper call's lock
 * by the constant passed, as the analysis does (ADR-015).
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
		mutex_lock_nested(&pipe->mutex, subclass); /* expect LO001: pipe_inode_info.mutex/1 -> pipe_inode_info.mutex/2 [confirmed] */
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

long tee_out_first(struct pipe_inode_info *ipipe, struct pipe_inode_info *opipe)
{
	pipe_lock_nested(opipe, I_MUTEX_CHILD);
	pipe_lock_nested(ipipe, I_MUTEX_PARENT);
	opipe->head = ipipe->head;
	pipe_unlock(ipipe);
	pipe_unlock(opipe);
	return 0;
}
