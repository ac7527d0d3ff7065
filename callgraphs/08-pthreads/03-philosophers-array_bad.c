/*
 * S8-03 bad: dining philosophers over an array, forks[i] then
 * forks[(i + 1) % NR_PHILOSOPHERS].  All elements of an array are one lock
 * class (forks), so the class-level analysis sees one class taken twice:
 * lockdep's "possible recursive locking".  Here it is a real deadlock (the
 * ring of left-then-right).
 *
 * Must report: LO002 forks.
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

enum { NR_PHILOSOPHERS = 5 };

static pthread_mutex_t forks[NR_PHILOSOPHERS];
static int meals[NR_PHILOSOPHERS];

static void *philosopher(void *arg)
{
	long i = (long)arg;

	pthread_mutex_lock(&forks[i]);
	pthread_mutex_lock(&forks[(i + 1) % NR_PHILOSOPHERS]); /* expect LO002: forks */
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
