/*
 * S8-02 ok: the same philosophers with a global resource order: every
 * philosopher takes the lower-numbered fork first, so philosopher 4 takes
 * fork0 before fork4.  Edges fork0->fork1->fork2->fork3->fork4 and
 * fork0->fork4: no cycle.
 *
 * expect-none
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
	pthread_mutex_lock(&fork0);
	pthread_mutex_lock(&fork4);
	eat(4);
	pthread_mutex_unlock(&fork4);
	pthread_mutex_unlock(&fork0);
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
