/* Casts to type names this file never declares (they come from a header we do not read). */

static inline wire32 to_wire32(u32 v)
{
	return (wire32)host_to_wire(v);
}

static unsigned long long block_offset(struct blockdev *bd, long blk)
{
	report("block %llu\n", (ulonglong)blk);
	if (bd->last == ~(blkno)0)
		return (offs)blk << bd->shift;
	return ((offs)bd->first << bd->shift) + (offs)-1;
}

static void reset_cursor(struct cursor *c, struct tree *t)
{
	*c = (cursor_state){ .tree = t, .depth = 0 };
	walk_tree(t, (walk_fn)visit_node, sizeof(cursor_state *));
	mutex_lock(&t->lock);
	mutex_unlock(&t->lock);
}

/* Still expressions: a call through a parenthesized name, and '-', '*', '&' after '(name)'. */
static int not_casts(int a, int b)
{
	if (a) (handler)(a);
	return (a) - b + (a) * b + (a) & b;
}
