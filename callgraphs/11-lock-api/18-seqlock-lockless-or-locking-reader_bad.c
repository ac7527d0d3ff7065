/*
 * The twin of 18-seqlock-lockless-or-locking-reader_ok.c with a made-up bug:
 * an error returns from the read section without done_seqretry(), so after
 * a locking pass the reader returns holding rename_lock, and its caller
 * takes "other" under it, against the writer's order.
 */

typedef struct { int seqcount; int lock; } seqlock_t;
typedef struct { int raw; } spinlock_t;
static seqlock_t rename_lock;
static spinlock_t other;
int prepend(int x);
void read_seqlock_excl(seqlock_t *sl);
void read_sequnlock_excl(seqlock_t *sl);
unsigned read_seqbegin(const seqlock_t *sl);
unsigned read_seqretry(const seqlock_t *sl, unsigned start);
static inline void read_seqbegin_or_lock(seqlock_t *lock, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl(lock);
}
static inline int need_seqretry(seqlock_t *lock, int seq)
{
	return !(seq & 1) && read_seqretry(lock, seq);
}
static inline void done_seqretry(seqlock_t *lock, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(lock);
}
int d_absolute_path(void)
{
	int seq = 0;
	int error;
restart:
	read_seqbegin_or_lock(&rename_lock, &seq);
	error = prepend(seq);
	if (error < 0)
		return error;
	if (need_seqretry(&rename_lock, seq)) {
		seq = 1;
		goto restart;
	}
	done_seqretry(&rename_lock, seq);
	return error;
}
void d_path_then_lock(void)
{
	d_absolute_path();
	spin_lock(&other); /* expect LO001: other -> rename_lock */
	spin_unlock(&other);
}
void d_move_under_lock(void)
{
	spin_lock(&other);
	write_seqlock(&rename_lock);
	write_sequnlock(&rename_lock);
	spin_unlock(&other);
}
