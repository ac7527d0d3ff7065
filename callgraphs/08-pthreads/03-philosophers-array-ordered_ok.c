/*
 * S8-03 ok (ordered): the array philosophers with resource ordering: the
 * lower-indexed fork first.  Correct, but every fork is the one class forks,
 * so the class-level analysis cannot see the index order.
 *
 * Known false alarm: LO002 forks (class-level; instances ordered by index).
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
	long right = (i + 1) % NR_PHILOSOPHERS;
	long first = i < right ? i : right;
	long second = i < right ? right : i;

	pthread_mutex_lock(&forks[first]);
	pthread_mutex_lock(&forks[second]); /* expect-fp LO002: forks — class-level; instances ordered by index */
	meals[i]++;
	pthread_mutex_unlock(&forks[second]);
	pthread_mutex_unlock(&forks[first]);
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
