/*
 * The _ok twin, but the trigger (process context) takes the chip's register
 * lock with interrupts enabled: the device-managed handler, in hardirq
 * context, can interrupt it on its CPU and spin on the lock forever. Found
 * only when the handler is read from devm_request_irq's third argument.
 */

enum irqreturn { IRQ_NONE, IRQ_HANDLED };
typedef enum irqreturn irqreturn_t;
typedef struct spinlock { int x; } spinlock_t;
struct device { int id; };
struct pci_dev { struct device dev; unsigned int irq; };
struct cs4281 { spinlock_t reg_lock; int status; };

static irqreturn_t snd_cs4281_interrupt(int irq, void *dev_id)
{
	struct cs4281 *chip = dev_id;

	spin_lock(&chip->reg_lock);
	chip->status++;
	spin_unlock(&chip->reg_lock);
	return IRQ_HANDLED;
}

int snd_cs4281_trigger(struct cs4281 *chip)
{
	spin_lock(&chip->reg_lock); /* expect LO003: cs4281.reg_lock */
	chip->status = 1;
	spin_unlock(&chip->reg_lock);
	return 0;
}

int snd_cs4281_create(struct pci_dev *pci, struct cs4281 *chip)
{
	if (devm_request_irq(&pci->dev, pci->irq, snd_cs4281_interrupt, 0x80, "cs4281", chip))
		return -16;
	return 0;
}
