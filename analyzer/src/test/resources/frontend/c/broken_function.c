// One function is broken; the frontend must still analyze the others.
#include <linux/mutex.h>

static DEFINE_MUTEX(a_lock);

static void before(void)
{
	mutex_lock(&a_lock);
	mutex_unlock(&a_lock);
}

static int broken(int x)
{
	if (x > ) {
		return 1;
	}
	return 0;
}

static void after(void)
{
	mutex_lock(&a_lock);
	mutex_unlock(&a_lock);
}
