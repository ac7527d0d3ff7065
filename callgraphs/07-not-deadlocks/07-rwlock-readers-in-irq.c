/*
 * S7-07 read-read cycle of rwlock_t readers in interrupt context.
 *
 * An input device's interrupt handler delivers SIGIO: kill_fasync ->
 * send_sigio takes f_owner's lock, then tasklist_lock, both for read
 * (fown_struct.lock -> tasklist_lock).  A timer callback (softirq context)
 * signals a process group the other way round: tasklist_lock, then the
 * owner's lock, both for read (tasklist_lock -> fown_struct.lock).
 *
 * In interrupt context lockdep treats read_lock as a recursive reader
 * (read_lock_is_recursive()): an interrupt-context reader never waits behind
 * a queued writer.  Both edges end in R and start from S, so the cycle is not
 * strong and cannot deadlock.  The writers (f_setown, fork) take the locks
 * with interrupts disabled, so neither lock is irq-unsafe either.  In process
 * context the same two read orders would be a deadlock on queued rwlocks:
 * see 09-lockdep-selftests/queued-rwlock/.
 *
 * expect-none
 */

typedef int irqreturn_t;
struct pid;
struct fown_struct { rwlock_t lock; struct pid *pid; int signum; };
struct file { struct fown_struct f_owner; };
struct fasync_struct { rwlock_t fa_lock; struct file *fa_file; };
struct input_dev { struct fasync_struct *fasync; };
struct timer_list { int expires; };
struct signal_timer { struct timer_list timer; struct fown_struct *owner; };

static DEFINE_RWLOCK(tasklist_lock);
static struct input_dev *evdev;
static struct signal_timer alarm_timer;

static void send_sigio_to_task(struct fown_struct *fown) { fown->signum++; }

void send_sigio(struct fown_struct *fown)
{
	unsigned long flags;

	read_lock_irqsave(&fown->lock, flags);
	read_lock(&tasklist_lock);
	send_sigio_to_task(fown);
	read_unlock(&tasklist_lock);
	read_unlock_irqrestore(&fown->lock, flags);
}

void kill_fasync(struct fasync_struct *fa)
{
	unsigned long flags;

	read_lock_irqsave(&fa->fa_lock, flags);
	send_sigio(&fa->fa_file->f_owner);
	read_unlock_irqrestore(&fa->fa_lock, flags);
}

static irqreturn_t evdev_interrupt(int irq, void *dev)
{
	kill_fasync(evdev->fasync);
	return 1;
}

static void alarm_fire(struct timer_list *t)
{
	struct fown_struct *fown = alarm_timer.owner;

	read_lock(&tasklist_lock);
	read_lock(&fown->lock);
	send_sigio_to_task(fown);
	read_unlock(&fown->lock);
	read_unlock(&tasklist_lock);
}

int evdev_open(void)
{
	timer_setup(&alarm_timer.timer, alarm_fire, 0);
	return request_irq(1, evdev_interrupt, 0, "evdev", NULL);
}

/* The writers: interrupts off while held, as f_setown and fork do. */
void f_setown(struct file *filp)
{
	write_lock_irq(&filp->f_owner.lock);
	filp->f_owner.pid = 0;
	write_unlock_irq(&filp->f_owner.lock);
}

void copy_process(void)
{
	write_lock_irq(&tasklist_lock);
	write_unlock_irq(&tasklist_lock);
}
