/*
 * S11-29 A subclass given to one lock object with lockdep_set_subclass.
 *
 * Shaped on 6.1 fs/dlm/lowcomms.c's accept_from_sock: holding the listening
 * connection's sock_mutex, it makes the "other" connection for the same node
 * the first time (on later calls it finds the one made then), gives that
 * object's sock_mutex subclass 1, and locks it. lockdep keeps the subclass
 * with the object, so the nested mutex is connection.sock_mutex/1 and there
 * is no recursive locking to report.
 *
 * Statically the object is the expression: every acquisition of
 * &othercon->sock_mutex in the function that sets its subclass is taken at
 * subclass 1, on either branch (the else branch found an othercon made and
 * set up the same way). The _bad twin gives the subclass to another member.
 *
 * expect-none
 */
struct mutex { int count; };
struct connection {
	struct mutex sock_mutex;
	struct connection *othercon;
	int sock;
};

struct connection *alloc_connection(void);

int accept_connection(struct connection *newcon)
{
	struct connection *othercon;

	mutex_lock(&newcon->sock_mutex);
	othercon = newcon->othercon;
	if (!othercon) {
		othercon = alloc_connection();
		if (!othercon) {
			mutex_unlock(&newcon->sock_mutex);
			return -1;
		}
		lockdep_set_subclass(&othercon->sock_mutex, 1);
		newcon->othercon = othercon;
	}
	mutex_lock(&othercon->sock_mutex);
	othercon->sock = newcon->sock;
	mutex_unlock(&othercon->sock_mutex);
	mutex_unlock(&newcon->sock_mutex);
	return 0;
}
