/*
 * `__acquires(x)` and error pointers (twin): an error path returns without
 * dropping the lock it took.
 *
 * 04-acquires-on-error-pointer_ok.c with the fetch error returned straight
 * away, before `up_read()`: afs_read_dir returns ERR_PTR(ret) still holding
 * validate_lock, afs_dir_iterate's IS_ERR path passes it on, and afs_readdir
 * takes io_lock under it, the reverse of afs_invalidate_dir's order.
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
		return ERR_PTR(ret);
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

	mutex_lock(&dvnode->io_lock); /* expect LO001: afs_vnode.io_lock -> afs_vnode.validate_lock [confirmed] */
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
