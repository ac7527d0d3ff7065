/*
 * S8-05 ok: the wrapper twin where reader_thread drops state_mutex before
 * taking log_mutex.  Through the wrappers the only edge is
 * log_mutex -> state_mutex (lock_pair in writer_thread): no cycle.
 *
 * expect-none
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t state_mutex = PTHREAD_MUTEX_INITIALIZER;
static int state;
static int log_lines;

static void lock(pthread_mutex_t *m)
{
	pthread_mutex_lock(m);
}

static void unlock(pthread_mutex_t *m)
{
	pthread_mutex_unlock(m);
}

static void lock_pair(pthread_mutex_t *first, pthread_mutex_t *second)
{
	lock(first);
	lock(second);
}

static void *writer_thread(void *arg)
{
	lock_pair(&log_mutex, &state_mutex);
	state++;
	log_lines++;
	unlock(&state_mutex);
	unlock(&log_mutex);
	return NULL;
}

static void *reader_thread(void *arg)
{
	int seen;

	lock(&state_mutex);
	seen = state;
	unlock(&state_mutex);
	lock(&log_mutex);
	log_lines += seen;
	unlock(&log_mutex);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, writer_thread, NULL);
	pthread_create(&t2, NULL, reader_thread, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
