// pthreads, top-level macros without ';', iterator macros of every shape.
#include <pthread.h>

pthread_mutex_t forks[5];
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;

struct account {
	pthread_mutex_t lock;
	long balance;
};

static void *philosopher(void *arg)
{
	long i = (long)arg;
	for (;;) {
		pthread_mutex_lock(&forks[i]);
		pthread_mutex_lock(&forks[(i + 1) % 5]);
		pthread_mutex_unlock(&forks[(i + 1) % 5]);
		pthread_mutex_unlock(&forks[i]);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[5];
	for (long i = 0; i < 5; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < 5; i++)
		pthread_join(t[i], NULL);
	return 0;
}

late_initcall(init_late)
core_param(debug, debug_flag, int, 0644);

static void iterate(struct super_block *sb, struct xarray *xa)
{
	struct inode *inode;
	unsigned long index;
	void *entry;
	int cpu, node;

	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		spin_lock(&inode->i_lock);
		spin_unlock(&inode->i_lock);
	}
	list_for_each_entry_reverse(inode, &sb->s_inodes, i_sb_list)
		if (inode->i_state)
			continue;
	hlist_for_each_entry_rcu(inode, &sb->s_hash, i_hash)
		iput(inode);
	xa_for_each(xa, index, entry)
		xa_erase(xa, index);
	for_each_possible_cpu(cpu)
		for_each_online_node(node)
			per_cpu_ptr(sb->counters, cpu)->count += node;
	for_each_possible_cpu(cpu)
		switch (cpu) {
		default:
			break;
		}
	for_each_possible_cpu(cpu)
		while (cpu--)
			cpu_relax();
	for_each_possible_cpu(cpu)
		do { cpu_relax(); } while (0);
	for_each_possible_cpu(cpu)
		return;
	for_each_possible_cpu(cpu)
		goto out;
out:
	return;
}
