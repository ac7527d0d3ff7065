/* Statements passed as macro arguments: an assertion that runs code when it fails, and debug
 * macros that paste their argument into the body (and whose users may omit the ';'). */

static void check_state(struct item *it)
{
	MY_ASSERT(it->count >= 0, dump_item(it););
	MY_ASSERT(it->owner, dump_item(it); report("owner %p\n", it->owner););
	release_item(it);
}

static int scan_items(struct table *t)
{
	struct item *it;
	int n = 0;

	DEBUG1(if (t->busy) report("busy\n"));
	DEBUG1(if (t->busy > 1) {
		report("very busy\n");
	});
	DEBUG2(struct item *first);
	for (n = 0; n < t->size; n++) {
		if (!t->slots[n])
			DEBUG1(continue);
		count_item(t->slots[n]);
	}
	DEBUG2({
		int i = 0;
		while (i < n)
			report("%d\n", i++);
	})
	DEBUG2(for_each_item(it, t) {
		report("%p\n", it);
	})
	spin_unlock(&t->lock);
	return n;
}

/* Declarations as macro arguments. */
DEFINE_SYSCALL2(pick, fdset *, in, int, n)
{
	IF_DEBUG(char name[16]);
	return do_pick(in, n);
}
