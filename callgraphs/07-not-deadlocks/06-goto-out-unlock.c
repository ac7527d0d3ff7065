/*
 * S7-06 every goto out_unlock error path, early returns, several labels.
 *
 * foo_ioctl_setflags takes dev->lock then dev->stats_lock, with error exits
 * before, between and after the two acquisitions, each jumping to the label
 * that releases exactly what is held.  Every exit passes "out:", which
 * notifies with nothing held.  foo_notify takes notifier_mutex and, under
 * it, both device locks (notifier_mutex -> foo_device.lock ->
 * foo_device.stats_lock).  If a held-lock set leaked through any label, an
 * edge foo_device.lock -> notifier_mutex (or stats_lock -> notifier_mutex)
 * would close a cycle; followed exactly, there is none.
 *
 * expect-none
 */

typedef struct { int rlock; } spinlock_t;
struct mutex { long owner; };

struct foo_device {
	struct mutex lock;
	spinlock_t stats_lock;
	unsigned int flags;
	unsigned long nr_changes;
	int dead;
};

static DEFINE_MUTEX(notifier_mutex);
static struct foo_device *foo_dev;

static void foo_notify(void)
{
	mutex_lock(&notifier_mutex);
	if (foo_dev) {
		mutex_lock(&foo_dev->lock);
		spin_lock(&foo_dev->stats_lock);
		foo_dev->nr_changes = 0;
		spin_unlock(&foo_dev->stats_lock);
		mutex_unlock(&foo_dev->lock);
	}
	mutex_unlock(&notifier_mutex);
}

int foo_ioctl_setflags(struct foo_device *dev, unsigned int flags)
{
	int ret;

	if (flags & ~0xffu)
		return -EINVAL;		/* early return, nothing held */
	if (!dev) {
		ret = -ENODEV;
		goto out;		/* before any lock */
	}

	mutex_lock(&dev->lock);
	if (dev->dead) {
		ret = -EIO;
		goto out_unlock;	/* only dev->lock held */
	}

	spin_lock(&dev->stats_lock);
	if (dev->flags == flags) {
		ret = 0;
		goto out_unlock_stats;	/* both held */
	}
	dev->flags = flags;
	dev->nr_changes++;
	ret = 1;

out_unlock_stats:
	spin_unlock(&dev->stats_lock);
out_unlock:
	mutex_unlock(&dev->lock);
out:
	if (ret > 0)
		foo_notify();
	return ret;
}
