/*
 * S8-04 ok: the transfer fixed by ordering the two accounts by id, so every
 * thread locks the lower id first.  Correct, but both locks are still the
 * one class account.lock: the class-level analysis reports recursive locking
 * it cannot rule out (lockdep would need a subclass or a nest lock here too).
 *
 * Known false alarm: LO002 account.lock (class-level; instances ordered by id).
 */

typedef unsigned long pthread_t;
typedef struct { int __lock; } pthread_mutex_t;
typedef struct { int __attr; } pthread_attr_t;

struct account {
	pthread_mutex_t lock;
	int id;
	long balance;
};

static struct account savings = { PTHREAD_MUTEX_INITIALIZER, 1, 1000 };
static struct account checking = { PTHREAD_MUTEX_INITIALIZER, 2, 100 };

static void transfer(struct account *from, struct account *to, long amount)
{
	struct account *first = from->id < to->id ? from : to;
	struct account *second = from->id < to->id ? to : from;

	pthread_mutex_lock(&first->lock);
	pthread_mutex_lock(&second->lock); /* expect-fp LO002: account.lock — class-level; instances ordered by id */
	from->balance -= amount;
	to->balance += amount;
	pthread_mutex_unlock(&second->lock);
	pthread_mutex_unlock(&first->lock);
}

static void *save(void *arg)
{
	transfer(&checking, &savings, 10);
	return NULL;
}

static void *spend(void *arg)
{
	transfer(&savings, &checking, 10);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, save, NULL);
	pthread_create(&t2, NULL, spend, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
