package org.lockorder.analysis;

import org.lockorder.ir.IrqLevel;

/**
 * The context scopes open at a program point, as nesting depths: page faults disabled
 * (pagefault_disable), fs reclaim disabled (memalloc_nofs_save), hard interrupts and softirqs
 * disabled (local_irq_save, spin_lock_irqsave, local_bh_disable). Only "open or not" matters to
 * lock order; depths let nested regions close correctly.
 */
record Scopes(int faultsOff, int reclaimOff, int hardirqsOff, int softirqsOff) {
  static final Scopes NONE = new Scopes(0, 0, 0, 0);

  /** Bits of {@link Summary.Acquisition#cuts()}: how an acquisition was reached. */
  static final int VIA_FAULT = 1;
  static final int VIA_RECLAIM = 2;

  /** Bits of {@link Summary.Acquisition#irqsOn()}: interrupts possibly enabled when it was taken. */
  static final int HARDIRQS_ON = 1;
  static final int SOFTIRQS_ON = 2;

  Scopes faults(int delta) {
    return new Scopes(Math.max(0, faultsOff + delta), reclaimOff, hardirqsOff, softirqsOff);
  }

  Scopes reclaim(int delta) {
    return new Scopes(faultsOff, Math.max(0, reclaimOff + delta), hardirqsOff, softirqsOff);
  }

  Scopes irqs(IrqLevel level, int delta) {
    return level == IrqLevel.HARDIRQ
        ? new Scopes(faultsOff, reclaimOff, Math.max(0, hardirqsOff + delta), softirqsOff)
        : new Scopes(faultsOff, reclaimOff, hardirqsOff, Math.max(0, softirqsOff + delta));
  }

  /** Whether an acquisition reached with {@code cuts} is cut off by the scopes open here. */
  boolean cuts(int cuts) {
    return (cuts & cutBits()) != 0;
  }

  /** The bits of {@code cuts} that the scopes open here cut off. */
  int cutBits() {
    return (faultsOff > 0 ? VIA_FAULT : 0) | (reclaimOff > 0 ? VIA_RECLAIM : 0);
  }

  /** Which interrupt levels can still preempt here (hard interrupts off keeps softirqs out too). */
  int irqsOn() {
    if (hardirqsOff > 0) return 0;
    return softirqsOff > 0 ? HARDIRQS_ON : HARDIRQS_ON | SOFTIRQS_ON;
  }

  /** What distinguishes two states, as bits: open or closed, not the depth. */
  int openBits() {
    return (faultsOff > 0 ? 1 : 0) | (reclaimOff > 0 ? 2 : 0) | (hardirqsOff > 0 ? 4 : 0) | (softirqsOff > 0 ? 8 : 0);
  }
}
