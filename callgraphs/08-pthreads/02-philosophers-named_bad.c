/*
 * S8-02 bad: dining philosophers, five named global forks, every
 * philosopher takes the left fork then the right one.  fork4 -> fork0 closes
 * the ring: all five can hold their left fork and wait for the right one.
 *
 * Must report: LO001 fork0 -> fork1 -> fork2 -> fork3 -> fork4 (one 5-class cycle).
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

static pthread_mutex_t fork0 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t fork1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t fork2 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t fork3 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t fork4 = PTHREAD_MUTEX_INITIALIZER;
static int meals[5];

static void eat(int who)
{
	meals[who]++;
}

static void *philosopher0(void *arg)
{
	pthread_mutex_lock(&fork0);
	pthread_mutex_lock(&fork1);
	eat(0);
	pthread_mutex_unlock(&fork1);
	pthread_mutex_unlock(&fork0);
	return NULL;
}

static void *philosopher1(void *arg)
{
	pthread_mutex_lock(&fork1);
	pthread_mutex_lock(&fork2);
	eat(1);
	pthread_mutex_unlock(&fork2);
	pthread_mutex_unlock(&fork1);
	return NULL;
}

static void *philosopher2(void *arg)
{
	pthread_mutex_lock(&fork2);
	pthread_mutex_lock(&fork3);
	eat(2);
	pthread_mutex_unlock(&fork3);
	pthread_mutex_unlock(&fork2);
	return NULL;
}

static void *philosopher3(void *arg)
{
	pthread_mutex_lock(&fork3);
	pthread_mutex_lock(&fork4);
	eat(3);
	pthread_mutex_unlock(&fork4);
	pthread_mutex_unlock(&fork3);
	return NULL;
}

static void *philosopher4(void *arg)
{
	pthread_mutex_lock(&fork4);
	pthread_mutex_lock(&fork0); /* expect LO001: fork0 -> fork1 -> fork2 -> fork3 -> fork4 */
	eat(4);
	pthread_mutex_unlock(&fork0);
	pthread_mutex_unlock(&fork4);
	return NULL;
}

int main(void)
{
	pthread_t t[5];

	pthread_create(&t[0], NULL, philosopher0, NULL);
	pthread_create(&t[1], NULL, philosopher1, NULL);
	pthread_create(&t[2], NULL, philosopher2, NULL);
	pthread_create(&t[3], NULL, philosopher3, NULL);
	pthread_create(&t[4], NULL, philosopher4, NULL);
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);
	pthread_join(t[2], NULL);
	pthread_join(t[3], NULL);
	pthread_join(t[4], NULL);
	return 0;
}
