/*
 * S8-05 bad: lock wrappers that take the mutex as a parameter.
 *
 * lock()/unlock() wrap pthread_mutex_lock/unlock; lock_pair() calls lock()
 * twice.  A lock passed through a parameter takes the class of the caller's
 * argument, through both levels of wrapper.  writer_thread orders
 * log_mutex -> state_mutex via lock_pair, reader_thread orders
 * state_mutex -> log_mutex via lock.
 *
 * Must report: LO001 log_mutex -> state_mutex.
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
	lock(&log_mutex); /* expect LO001: log_mutex -> state_mutex */
	log_lines += seen;
	unlock(&log_mutex);
	unlock(&state_mutex);
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
