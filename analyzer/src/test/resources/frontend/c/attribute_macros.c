/* Attribute macros the token filter does not know: a function-like one before the type, and an
 * object-like one between a parameter's '*' and its name. */
#define CHECKED __object_size_hint(1)

static inline MY_INLINE __acts_like(__builtin_copy, 1, 2) char *copy_name(char * const CHECKED dst, const char *src)
{
	return do_copy(dst, src);
}

int fill_buffer(struct buf *b, char * CHECKED out, size_t n)
{
	mutex_lock(&b->lock);
	n = copy_out(out, b, n);
	mutex_unlock(&b->lock);
	return n;
}
