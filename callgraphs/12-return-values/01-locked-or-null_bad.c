/*
 * The twin of 01-locked-or-null_ok.c with the bug: truncate_tail_ish talks
 * to the server before it unlocks the folio it got.  get_locked_folio still
 * returns NULL holding nothing, or the folio it locked; on the non-NULL path
 * the folio lock is held across ask_server, and send_folio_ish takes the two
 * the other way round.
 *
 * Must report:
 *   LO001 PG_locked -> server.srv_mutex.
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
		ask_server();	/* expect LO001: PG_locked -> server.srv_mutex */
		folio_unlock(folio);
	}
}

void send_folio_ish(struct folio *folio)
{
	mutex_lock(&tcp_server->srv_mutex);
	folio_lock(folio);
	tcp_server->credits--;
	folio_unlock(folio);
	mutex_unlock(&tcp_server->srv_mutex);
}
