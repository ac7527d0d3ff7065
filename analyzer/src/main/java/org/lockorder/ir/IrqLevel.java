package org.lockorder.ir;

/**
 * An interrupt level whose handlers can preempt process context, as lockdep tracks them: hard
 * interrupts (request_irq handlers) and softirqs (timers, tasklets). Disabling hard interrupts
 * also keeps softirqs from running.
 */
public enum IrqLevel {
  HARDIRQ("hardirq"),
  SOFTIRQ("softirq");

  private final String spelling;

  IrqLevel(String spelling) {
    this.spelling = spelling;
  }

  /** "hardirq" or "softirq", as in the lock model and in lockdep's reports. */
  public String spelling() {
    return spelling;
  }

  /** The level spelled {@code text}, or null. */
  public static IrqLevel parse(String text) {
    for (IrqLevel l : values()) if (l.spelling.equals(text)) return l;
    return null;
  }
}
