/*
 * An interrupt handler registered with devm_request_irq (6.1 sound/pci/cs4281.c:
 * devm_request_irq(&pci->dev, pci->irq, snd_cs4281_interrupt, IRQF_SHARED,
 * KBUILD_MODNAME, chip)): the device comes first, so the handler is the third
 * argument, not the second as in request_irq. The handler runs in hardirq
 * context and takes the chip's register lock with a plain spin_lock; the
 * rate-check timer (softirq) and the trigger (process context) take it with
 * interrupts disabled. Nothing is inconsistent.
 *
 * With the handler read from the second argument ('pci->irq', no function),
 * the handler was a process-context entry that takes the lock with
 * softirqs enabled, and the timer's softirq use made a false LO003: 6.1's
 * sound/ had 262 confirmed LO003 findings, many of them this.
 *
 * expect-none
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;
typedef struct spinlock { int x; } spinlock_t;
struct device { int id; };
struct pci_dev { struct device dev; unsigned int irq; };
struct timer_list { int expires; };
struct cs4281 { spinlock_t reg_lock; struct timer_list timer; int status; };

static irqreturn_t snd_cs4281_interrupt(int irq, void *dev_id)
{
	struct cs4281 *chip = dev_id;

	spin_lock(&chip->reg_lock);
	chip->status++;
	spin_unlock(&chip->reg_lock);
	return IRQ_HANDLED;
}

static void snd_cs4281_rate_timer(struct timer_list *t)
{
	struct cs4281 *chip = from_timer(chip, t, timer);
	unsigned long flags;

	spin_lock_irqsave(&chip->reg_lock, flags);
	chip->status = 0;
	spin_unlock_irqrestore(&chip->reg_lock, flags);
}

int snd_cs4281_trigger(struct cs4281 *chip)
{
	spin_lock_irq(&chip->reg_lock);
	chip->status = 1;
	spin_unlock_irq(&chip->reg_lock);
	return 0;
}

int snd_cs4281_create(struct pci_dev *pci, struct cs4281 *chip)
{
	timer_setup(&chip->timer, snd_cs4281_rate_timer, 0);
	if (devm_request_irq(&pci->dev, pci->irq, snd_cs4281_interrupt, 0x80, "cs4281", chip))
		return -16;
	return 0;
}
