package org.lockorder.analysis;

import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * One of lockdep's lock usage states, with its witness: a class taken in an interrupt handler of
 * {@code level} ({@code inIrq}: USED_IN_HARDIRQ, "irq-safe"), or taken in process context with
 * that level's interrupts enabled (ENABLED_HARDIRQ, "irq-unsafe").
 *
 * @param entry the handler, or the process-context entry point, the witness starts at
 * @param site the acquisition, with the calls from {@code entry} down to it
 */
public record IrqUsage(
    LockClass lockClass, IrqLevel level, boolean inIrq, Mode mode, String entry, Location entryLocation, Site site)
    implements Comparable<IrqUsage> {

  /** lockdep's name for the state: "IN-HARDIRQ-W", "HARDIRQ-ON-R", ... */
  public String state() {
    String lvl = level.spelling().toUpperCase(java.util.Locale.ROOT);
    return (inIrq ? "IN-" + lvl : lvl + "-ON") + "-" + (mode == Mode.WRITE ? "W" : "R");
  }

  @Override
  public int compareTo(IrqUsage o) {
    int c = lockClass.compareTo(o.lockClass);
    if (c == 0) c = level.compareTo(o.level);
    if (c == 0) c = Boolean.compare(inIrq, o.inIrq);
    if (c == 0) c = mode.compareTo(o.mode);
    if (c == 0) c = entry.compareTo(o.entry);
    return c;
  }
}
