/* Operators passed to macros, and the address of a variable whose name ends in '_t'. */
static void mask_bits(struct bits *d, const struct bits *a, const struct bits *b)
{
	BITS_OP(d, a, b, &);
	BITS_OP(d, a, b, &~);
	BITS_UNARY(d, a, ~);
	CHECK_CMP(d->n, &, 1);
	register_ops(d, &ops_size_t, &ops_count_t);
}
