/*
 * S8-06 ok: the function-pointer twin where queue_thread calls the callback
 * after dropping queue_mutex.  The indirect calls still resolve
 * (job->ops->run -> flush_queue, cb -> reset_device), but the only edge is
 * dev_mutex -> queue_mutex: no cycle.
 *
 * expect-none
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

struct job;

struct job_ops {
	void (*run)(struct job *job);
};

struct job {
	const struct job_ops *ops;
	int nr_items;
};

static pthread_mutex_t dev_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t queue_mutex = PTHREAD_MUTEX_INITIALIZER;
static int queue_len;
static int dev_state;

static void flush_queue(struct job *job)
{
	pthread_mutex_lock(&queue_mutex);
	queue_len -= job->nr_items;
	pthread_mutex_unlock(&queue_mutex);
}

static const struct job_ops flush_ops = {
	.run = flush_queue,
};

static void reset_device(void)
{
	pthread_mutex_lock(&dev_mutex);
	dev_state = 0;
	pthread_mutex_unlock(&dev_mutex);
}

static void *device_thread(void *arg)
{
	struct job *job = arg;

	pthread_mutex_lock(&dev_mutex);
	dev_state = 1;
	job->ops->run(job);
	pthread_mutex_unlock(&dev_mutex);
	return NULL;
}

static void *queue_thread(void *arg)
{
	void (*cb)(void) = reset_device;
	int full;

	pthread_mutex_lock(&queue_mutex);
	queue_len++;
	full = queue_len > 16;
	pthread_mutex_unlock(&queue_mutex);
	if (full)
		cb();
	return NULL;
}

int main(void)
{
	static struct job job = { &flush_ops, 4 };
	pthread_t t1, t2;

	pthread_create(&t1, NULL, device_thread, &job);
	pthread_create(&t2, NULL, queue_thread, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
