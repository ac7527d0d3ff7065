/*
 * `__acquires(x)` holds x on return, except where the function returns an
 * error pointer.
 *
 * 6.1 fs/afs/dir.c: afs_read_dir is annotated __acquires(&dvnode->
 * validate_lock). It returns the directory's contents with validate_lock held
 * for reading, or ERR_PTR(-ENOMEM) / ERR_PTR(ret) without it: its allocation
 * fails before the lock is taken, and its error paths drop the lock before
 * they return. afs_dir_iterate returns at once on IS_ERR(req), and otherwise
 * drops validate_lock when it is done. Read as held on every exit, the
 * annotation left validate_lock held on the IS_ERR path, under everything
 * afs_dir_iterate's callers (the readdir of every file system stacked on
 * afs) took next.
 *
 * expect-none
 */

struct rw_semaphore { long count; };
struct mutex { long owner; };
struct afs_read { unsigned long len; };
struct afs_vnode { struct rw_semaphore validate_lock; struct mutex io_lock; unsigned long flags; };

struct afs_read *alloc_read(void);
int fetch_data(struct afs_vnode *dvnode, struct afs_read *req);
void emit_entries(struct afs_read *req);
void afs_put_read(struct afs_read *req);

static struct afs_read *afs_read_dir(struct afs_vnode *dvnode)
	__acquires(&dvnode->validate_lock)
{
	struct afs_read *req;
	int ret;

	req = alloc_read();
	if (!req)
		return ERR_PTR(-12);
	down_read(&dvnode->validate_lock);
	ret = fetch_data(dvnode, req);
	if (ret < 0)
		goto error_unlock;
	return req;

error_unlock:
	up_read(&dvnode->validate_lock);
	afs_put_read(req);
	return ERR_PTR(ret);
}

static int afs_dir_iterate(struct afs_vnode *dvnode)
{
	struct afs_read *req;

	req = afs_read_dir(dvnode);
	if (IS_ERR(req))
		return PTR_ERR(req);
	emit_entries(req);
	up_read(&dvnode->validate_lock);
	afs_put_read(req);
	return 0;
}

/* readdir, then the vnode's I/O lock. */
int afs_readdir(struct afs_vnode *dvnode)
{
	int ret = afs_dir_iterate(dvnode);

	mutex_lock(&dvnode->io_lock);
	dvnode->flags = 0;
	mutex_unlock(&dvnode->io_lock);
	return ret;
}

/* Invalidation takes validate_lock for writing under the I/O lock. */
void afs_invalidate_dir(struct afs_vnode *dvnode)
{
	mutex_lock(&dvnode->io_lock);
	down_write(&dvnode->validate_lock);
	dvnode->flags = 1;
	up_write(&dvnode->validate_lock);
	mutex_unlock(&dvnode->io_lock);
}
