// Statement forms: goto and labels, switch (GNU ranges), loops, iterator macros.
#include <linux/list.h>

static int all_statements(struct inode *inode, struct list_head *head, int n)
{
	struct page *page, *tmp;
	int i, err = 0;
	unsigned long flags;
	DEFINE_WAIT(wait);
	static DEFINE_SPINLOCK(local_lock);
	__label__ retry_local;

	might_sleep();
	BUG_ON(!inode);
	if (WARN_ON_ONCE(n < 0))
		return -EINVAL;
	if (n == 0)
		goto out;
	else if (n == 1)
		n++;
	else
		n--;
	if (n > 2)
		if (n > 3)
			n = 3;
		else
			n = 2;
	while (n--)
		if (n & 1) continue; else break;
	for (i = 0; i < n; i++) {
		if (i == 5)
			break;
		if (i == 3)
			continue;
	}
	for (int j = 0, k = 1; j < k; j++)
		;
	for (;;) {
		if (need_resched())
			break;
	}
	do {
		n++;
	} while (n < 10);
	do n--; while (n > 0);
	switch (n) {
	case 0:
		err = 1;
		/* fall through */
	case 1 ... 3:
		err = 2;
		break;
	case 'a':
	case SOME_CONST + 1: {
		int local = 5;
		err = local;
		break;
	}
	default:
		break;
	}
	list_for_each_entry(page, head, lru) {
		if (page->index > n)
			break;
	}
	list_for_each_entry_safe(page, tmp, head, lru)
		put_page(page);
	hlist_for_each_entry(page, head, node)
		if (page)
			count++;
	xa_for_each(&mapping->i_pages, index, entry)
		n += 1;
	for_each_online_cpu(i)
		for_each_node(n)
			total++;
	spin_lock_irqsave(&inode->i_lock, flags);
	spin_unlock_irqrestore(&inode->i_lock, flags);
retry:
	err = do_something(inode, &flags);
	if (err == -EAGAIN)
		goto retry;
out:
	;
	if (err)
		goto out_unlock;
	return err;
out_unlock:
	mutex_unlock(&inode->i_mutex);
	return err;
fail:
}

static void empty_label_before_brace(void)
{
	goto done;
done:
}

void computed_goto(void)
{
	static void *tbl[] = { &&l1, &&l2 };
	goto *tbl[0];
l1:
	return;
l2:
	return;
}
