/*
 * (twin) The subclass given to another object's lock than the one taken.
 *
 * 29-subclass-set-on-an-object_ok.c, but the new connection's subclass is
 * set on the listening connection's own sock_mutex (already held, subclass
 * 0 when it was taken), not on othercon's: the nested mutex_lock is the
 * same class at the same subclass as the held one, which lockdep reports as
 * recursive locking.
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
		lockdep_set_subclass(&newcon->sock_mutex, 1);
		newcon->othercon = othercon;
	}
	mutex_lock(&othercon->sock_mutex); /* expect LO002: connection.sock_mutex [confirmed] */
	othercon->sock = newcon->sock;
	mutex_unlock(&othercon->sock_mutex);
	mutex_unlock(&newcon->sock_mutex);
	return 0;
}
