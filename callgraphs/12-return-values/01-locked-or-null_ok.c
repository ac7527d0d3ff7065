/*
 * A function that returns its object locked, or NULL (Linux 6.1's
 * __filemap_get_folio with FGP_LOCK is one): the caller's "if (folio)"
 * tells the two exits apart.
 *
 * get_locked_folio returns NULL holding nothing, or the folio it locked.
 * truncate_tail_ish unlocks the folio when it got one, then talks to the
 * server under srv_mutex; send_folio_ish holds srv_mutex while it locks a
 * folio.  Read with a path that "returned NULL with the folio locked",
 * truncate_tail_ish would order PG_locked before srv_mutex and close a
 * false cycle (the LO001 hub of the Linux 6.1 triage, through cifs).  A path
 * that returns the pointer whose object it locked returns non-NULL, so there
 * is no such path.
 *
 * expect-none
 */

struct mutex { long owner; };
struct folio { unsigned long flags; unsigned long index; };
struct server { struct mutex srv_mutex; int credits; };

void folio_lock(struct folio *folio);
void folio_unlock(struct folio *folio);
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
struct folio *lookup_folio(unsigned long index);

static struct server *tcp_server;

static struct folio *get_locked_folio(unsigned long index)
{
	struct folio *folio = lookup_folio(index);

	if (!folio)
		return NULL;
	folio_lock(folio);
	return folio;
}

static void ask_server(void)
{
	mutex_lock(&tcp_server->srv_mutex);
	tcp_server->credits++;
	mutex_unlock(&tcp_server->srv_mutex);
}

void truncate_tail_ish(unsigned long index)
{
	struct folio *folio;

	folio = get_locked_folio(index);
	if (folio) {
		folio->index = 0;
		folio_unlock(folio);
	}
	ask_server();
}

void send_folio_ish(struct folio *folio)
{
	mutex_lock(&tcp_server->srv_mutex);
	folio_lock(folio);
	tcp_server->credits--;
	folio_unlock(folio);
	mutex_unlock(&tcp_server->srv_mutex);
}
