/* Function types declared with the name in parentheses, as buffer_head.h's bh_end_io_t and
 * mempool.h's mempool_alloc_t are: the name ends in '_t', yet here it is the name declared. */
struct item;
typedef void (item_done_t)(struct item *it, int ok);
typedef void *(pool_alloc_t)(unsigned int flags, void *data);
typedef int (fill_fn)(struct item *it);

typedef struct pool_s {
	pool_alloc_t *alloc;
	item_done_t *done;
} pool_t;

/* A name in parentheses that is a type: the parameter of an unnamed-parameter prototype. */
typedef void (*visit_fn)(pool_t);

void finish(pool_t *p, struct item *it)
{
	p->done(it, 1);
}
