/*
 * S8-06 bad: the cycle exists only through function pointers.
 *
 * device_thread holds dev_mutex and runs a job through its ops table,
 * job->ops->run(job); the only function stored in .run of a struct job_ops
 * initializer is flush_queue, which takes queue_mutex:
 * dev_mutex -> queue_mutex.  queue_thread holds queue_mutex and calls a
 * local function-pointer variable, cb = reset_device, which takes
 * dev_mutex: queue_mutex -> dev_mutex.  Neither edge exists without
 * resolving the indirect call.
 *
 * Must report: LO001 dev_mutex -> queue_mutex.
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
	job->ops->run(job); /* expect LO001: dev_mutex -> queue_mutex */
	pthread_mutex_unlock(&dev_mutex);
	return NULL;
}

static void *queue_thread(void *arg)
{
	void (*cb)(void) = reset_device;

	pthread_mutex_lock(&queue_mutex);
	queue_len++;
	if (queue_len > 16)
		cb();
	pthread_mutex_unlock(&queue_mutex);
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
