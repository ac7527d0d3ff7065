/*
 * 6.1's epoll poll (fs/eventpoll.c): __ep_eventpoll_poll takes the eventpoll's
 * mtx with the nesting depth as its lockdep subclass, and polls each ready
 * item; an item that is itself an epoll file is polled one level deeper,
 * depth + 1, under the outer mtx. epoll_ctl refuses loops, so the inner mtx is
 * another eventpoll's, and lockdep sees mtx/0 then mtx/1.
 *
 * The subclass is computed where the recursion runs: the analysis keeps it as
 * the expression "depth", so both acquisitions are eventpoll.mtx/depth and the
 * recursive lock is reported. The simulator deadlocks its threads only by
 * taking the two as one subclass, which nothing shows: inconclusive, saying
 * why (a false confirmation before).
 */

struct mutex { long owner; };
struct list_head { struct list_head *next, *prev; };
struct file { void *private_data; const void *f_op; };
struct eventpoll { struct mutex mtx; struct list_head rdllist; };
struct epitem { struct list_head rdllink; struct file *file; unsigned int events; };

extern const void eventpoll_fops;
extern unsigned int vfs_poll(struct file *file, void *pt);
extern struct epitem *first_ready(struct eventpoll *ep);
extern struct epitem *next_ready(struct eventpoll *ep, struct epitem *epi);

static int is_file_epoll(struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

static unsigned int __ep_eventpoll_poll(struct file *file, void *wait, int depth);

static unsigned int ep_item_poll(struct epitem *epi, void *pt, int depth)
{
	if (!is_file_epoll(epi->file))
		return vfs_poll(epi->file, pt) & epi->events;
	return __ep_eventpoll_poll(epi->file, pt, depth) & epi->events;
}

static unsigned int __ep_eventpoll_poll(struct file *file, void *wait, int depth)
{
	struct eventpoll *ep = file->private_data;
	struct epitem *epi;
	unsigned int res = 0;

	mutex_lock_nested(&ep->mtx, depth); /* expect LO002: eventpoll.mtx/depth [inconclusive] */
	for (epi = first_ready(ep); epi; epi = next_ready(ep, epi)) {
		if (ep_item_poll(epi, wait, depth + 1)) {
			res = 1;
			break;
		}
	}
	mutex_unlock(&ep->mtx);
	return res;
}

unsigned int ep_eventpoll_poll(struct file *file, void *wait)
{
	return __ep_eventpoll_poll(file, wait, 0);
}
