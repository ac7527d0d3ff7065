/*
 * S8-04 bad: locks in struct fields, the two-account transfer.
 *
 * transfer(from, to) locks from->lock then to->lock.  One thread transfers
 * savings -> checking, the other checking -> savings: each holds one
 * account's lock and waits for the other's.  Both locks are the class
 * account.lock (struct tag and field), so the finding is recursive locking
 * on that class.
 *
 * Must report: LO002 account.lock.
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
	pthread_mutex_lock(&from->lock);
	pthread_mutex_lock(&to->lock); /* expect LO002: account.lock */
	from->balance -= amount;
	to->balance += amount;
	pthread_mutex_unlock(&to->lock);
	pthread_mutex_unlock(&from->lock);
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
