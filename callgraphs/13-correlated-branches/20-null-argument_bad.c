/*
 * The twin of 20-null-argument_ok.c whose logoff passes a tree connection:
 * reconnect_tcon takes its session's session_mutex while logoff holds one,
 * the same class (the same session, when tcon->ses is ses).
 */

struct mutex { long owner; };
struct session { struct mutex session_mutex; };
struct tcon { struct session *ses; };

int logoff(struct session *ses, struct tcon *tcon);

static int reconnect_tcon(struct tcon *tcon, int cmd)
{
	struct session *ses;

	if (!tcon)
		return 0;
	ses = tcon->ses;
	mutex_lock(&ses->session_mutex);
	mutex_unlock(&ses->session_mutex);
	if (cmd == 2)
		logoff(ses, tcon);
	return 0;
}

static int small_init(int cmd, struct tcon *tcon)
{
	return reconnect_tcon(tcon, cmd);
}

int logoff(struct session *ses, struct tcon *tcon)
{
	int rc;

	mutex_lock(&ses->session_mutex);
	rc = small_init(1, tcon); /* expect LO002: session.session_mutex */
	mutex_unlock(&ses->session_mutex);
	return rc;
}
