/*
 * S8-01 ok: the ABBA twin fixed by a global order, mutex_a before mutex_b,
 * in both threads.  One edge mutex_a -> mutex_b, no cycle.
 *
 * expect-none
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;


static pthread_mutex_t mutex_a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mutex_b = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *thread_one(void *arg)
{
	pthread_mutex_lock(&mutex_a);
	pthread_mutex_lock(&mutex_b);
	counter++;
	pthread_mutex_unlock(&mutex_b);
	pthread_mutex_unlock(&mutex_a);
	return NULL;
}

static void *thread_two(void *arg)
{
	pthread_mutex_lock(&mutex_a);
	pthread_mutex_lock(&mutex_b);
	counter--;
	pthread_mutex_unlock(&mutex_b);
	pthread_mutex_unlock(&mutex_a);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, thread_one, NULL);
	pthread_create(&t2, NULL, thread_two, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
