/*
 * A call through a member whose struct type is known, though no table this
 * code sees fills it (6.1 block/elevator.c): elv_attr_store calls
 * 'entry->store(e, page, length)' on a struct elv_fs_entry, whose store
 * functions the elevators set through token-pasting macros. Another type,
 * struct sysfs_ops, has a member 'store' too, filled with elv_attr_store
 * itself. Matched by the member's name alone, the call reached
 * elv_attr_store again, which takes e->sysfs_lock a second time: a
 * confirmed recursive lock that cannot happen. A member of a known type is
 * that type's, or nothing.
 *
 * expect-none
 */

typedef long ssize_t;
typedef unsigned long size_t;
struct mutex { int x; };
struct kobject { int ref; };
struct attribute { const char *name; };
struct elevator_queue { struct mutex sysfs_lock; struct kobject kobj; int type; };

struct elv_fs_entry {
	struct attribute attr;
	ssize_t (*store)(struct elevator_queue *, const char *, size_t);
};

struct sysfs_ops {
	ssize_t (*store)(struct kobject *, struct attribute *, const char *, size_t);
};

#define to_elv(atr) container_of((atr), struct elv_fs_entry, attr)

static ssize_t elv_attr_store(struct kobject *kobj, struct attribute *attr, const char *page, size_t length)
{
	struct elv_fs_entry *entry = to_elv(attr);
	struct elevator_queue *e;
	ssize_t error;

	if (!entry->store)
		return -5;
	e = container_of(kobj, struct elevator_queue, kobj);
	mutex_lock(&e->sysfs_lock);
	error = e->type ? entry->store(e, page, length) : -2;
	mutex_unlock(&e->sysfs_lock);
	return error;
}

static const struct sysfs_ops elv_sysfs_ops = {
	.store = elv_attr_store,
};
