/*
 * S8-01 bad: the classic ABBA with two threads started by pthread_create.
 *
 * thread_one takes mutex_a then mutex_b, thread_two mutex_b then mutex_a.
 * Each can hold its first lock while waiting for the other's.
 *
 * Must report: LO001 mutex_a -> mutex_b.
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
	pthread_mutex_lock(&mutex_b); /* expect LO001: mutex_a -> mutex_b */
	counter++;
	pthread_mutex_unlock(&mutex_b);
	pthread_mutex_unlock(&mutex_a);
	return NULL;
}

static void *thread_two(void *arg)
{
	pthread_mutex_lock(&mutex_b);
	pthread_mutex_lock(&mutex_a);
	counter--;
	pthread_mutex_unlock(&mutex_a);
	pthread_mutex_unlock(&mutex_b);
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
