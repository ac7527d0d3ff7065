/* Numbers as the preprocessor reads them, and names that start with a digit as macro arguments
 * (include/net/9p/client.h: tracepoint_enabled(9p_fid_ref) pastes __tracepoint_##tp). */
static inline int fid_get(struct fid *fid)
{
	if (tracepoint_enabled(9p_fid_ref))
		trace_fid_get(fid);
	return 0x1fUL + 1e-3 + .5f + 0x1.8p+3 + 1'000 + 077 + 0b101;
}

int ranges(int c)
{
	switch (c) {
	case 1 ... 3:
		return c - 1;
	}
	return c-1;
}
