/*
 * S8-03 ok (waiter): the array philosophers with a global waiter mutex held
 * while picking up both forks.  A philosopher waiting for its right fork
 * holds the waiter, but the neighbour holding that fork is already eating
 * and releases it without needing the waiter: no deadlock.
 *
 * The class-level analysis sees forks taken while forks is held.  The two
 * acquisitions are different instances (forks[i] and forks[(i + 1) % N]) and
 * the single global waiter is held around both, so the finding is listed as
 * gated (a note, not a failure): two philosophers cannot interleave there.
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

enum { NR_PHILOSOPHERS = 5 };

static pthread_mutex_t waiter = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t forks[NR_PHILOSOPHERS];
static int meals[NR_PHILOSOPHERS];

static void *philosopher(void *arg)
{
	long i = (long)arg;

	pthread_mutex_lock(&waiter);
	pthread_mutex_lock(&forks[i]);
	pthread_mutex_lock(&forks[(i + 1) % NR_PHILOSOPHERS]); /* expect LO002 gated: forks */
	pthread_mutex_unlock(&waiter);
	meals[i]++;
	pthread_mutex_unlock(&forks[(i + 1) % NR_PHILOSOPHERS]);
	pthread_mutex_unlock(&forks[i]);
	return NULL;
}

int main(void)
{
	pthread_t t[NR_PHILOSOPHERS];
	long i;

	for (i = 0; i < NR_PHILOSOPHERS; i++)
		pthread_mutex_init(&forks[i], NULL);
	for (i = 0; i < NR_PHILOSOPHERS; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (i = 0; i < NR_PHILOSOPHERS; i++)
		pthread_join(t[i], NULL);
	return 0;
}
