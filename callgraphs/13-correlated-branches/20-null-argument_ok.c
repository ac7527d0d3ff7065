/*
 * A callee that returns at once for a NULL argument, called with NULL two
 * levels up. 6.1 fs/smb/client: CIFSSMBLogoff holds ses->session_mutex and
 * calls small_smb_init(SMB_COM_LOGOFF_ANDX, 2, NULL, ...), which passes its
 * tcon on to cifs_reconnect_tcon; that returns 0 for a NULL tcon before it
 * takes any lock. The three are one recursion here (a dead session's
 * reconnect logs it off), inside which calls are not analyzed again for the
 * constants they pass (ADR-007). Instead reconnect_tcon's acquisitions need
 * tcon not NULL, small_init's need its own tcon not NULL, and logoff passes
 * NULL: no second session_mutex under the first. The twin,
 * 20-null-argument_bad.c, passes a tree connection.
 *
 * expect-none
 */

struct mutex { long owner; };
struct session { struct mutex session_mutex; };
struct tcon { struct session *ses; };

int logoff(struct session *ses);

static int reconnect_tcon(struct tcon *tcon, int cmd)
{
	struct session *ses;

	if (!tcon)
		return 0;
	ses = tcon->ses;
	mutex_lock(&ses->session_mutex);
	mutex_unlock(&ses->session_mutex);
	if (cmd == 2)
		logoff(ses);
	return 0;
}

static int small_init(int cmd, struct tcon *tcon)
{
	return reconnect_tcon(tcon, cmd);
}

int logoff(struct session *ses)
{
	int rc;

	mutex_lock(&ses->session_mutex);
	rc = small_init(1, NULL);
	mutex_unlock(&ses->session_mutex);
	return rc;
}
