/*
 * S7-05 unlock before the call.
 *
 * A notifier chain: blocking_notifier_call_chain-style delivery holds
 * notifier_mutex and calls back into the driver, which takes the device's
 * lock (notifier_mutex -> foo_device.lock).  The driver's state change used
 * to send the notification with dev->lock held (the reverse order); it now
 * drops dev->lock first and notifies afterwards.  A lock released before a
 * call gives no edge across the gap, so only the notifier -> device order
 * exists.
 *
 * expect-none
 */

struct mutex { long owner; };

struct foo_device {
	struct mutex lock;
	int state;
	int events;
};

static DEFINE_MUTEX(notifier_mutex);
static struct foo_device *foo_devices[4];

/* the callback delivered under notifier_mutex */
static void foo_event(struct foo_device *dev)
{
	mutex_lock(&dev->lock);
	dev->events++;
	mutex_unlock(&dev->lock);
}

static void foo_notify_all(void)
{
	int i;

	mutex_lock(&notifier_mutex);
	for (i = 0; i < 4; i++)
		if (foo_devices[i])
			foo_event(foo_devices[i]);
	mutex_unlock(&notifier_mutex);
}

int foo_set_state(struct foo_device *dev, int state)
{
	int changed;

	mutex_lock(&dev->lock);
	changed = dev->state != state;
	dev->state = state;
	mutex_unlock(&dev->lock);

	/* notify with dev->lock dropped */
	if (changed)
		foo_notify_all();
	return changed;
}
