package org.lockorder.analysis;

import org.lockorder.ir.IrqLevel;

/**
 * The context scopes open at a program point, as nesting depths: page faults disabled
 * (pagefault_disable), fs reclaim disabled (memalloc_nofs_save), hard interrupts and softirqs
 * disabled (local_irq_save, spin_lock_irqsave, local_bh_disable). Only "open or not" matters to
 * lock order; depths let nested regions close correctly. {@code taskOnly} says that the path
 * passed a test that holds only in task context ({@code if (in_interrupt()) defer; else ...}):
 * nothing after it runs in an interrupt handler. {@code interruptOnly} says that the function runs
 * only in interrupt context (a handler, or code only handlers call), where such tests say
 * "interrupt".
 */
record Scopes(
    int faultsOff, int reclaimOff, int hardirqsOff, int softirqsOff, boolean taskOnly, boolean interruptOnly, boolean slept) {
  static final Scopes NONE = new Scopes(0, 0, 0, 0, false, false, false);

  /** Bits of {@link Summary.Acquisition#cuts()}: how an acquisition was reached. */
  static final int VIA_FAULT = 1;
  static final int VIA_RECLAIM = 2;
  /** Reached only past a task-context test: never taken in an interrupt handler. */
  static final int VIA_TASK = 4;
  /**
   * Reached past a blocking acquisition of a sleeping lock (or is one) on every path: a spinlock
   * a callee returned to the caller is not held there (ADR-014, {@link AtomicContext}).
   */
  static final int VIA_SLEEP = 8;

  /** Bits of {@link Summary.Acquisition#irqsOn()}: interrupts possibly enabled when it was taken. */
  static final int HARDIRQS_ON = 1;
  static final int SOFTIRQS_ON = 2;

  Scopes faults(int delta) {
    return new Scopes(Math.max(0, faultsOff + delta), reclaimOff, hardirqsOff, softirqsOff, taskOnly, interruptOnly, slept);
  }

  Scopes reclaim(int delta) {
    return new Scopes(faultsOff, Math.max(0, reclaimOff + delta), hardirqsOff, softirqsOff, taskOnly, interruptOnly, slept);
  }

  Scopes irqs(IrqLevel level, int delta) {
    return level == IrqLevel.HARDIRQ
        ? new Scopes(faultsOff, reclaimOff, Math.max(0, hardirqsOff + delta), softirqsOff, taskOnly, interruptOnly, slept)
        : new Scopes(faultsOff, reclaimOff, hardirqsOff, Math.max(0, softirqsOff + delta), taskOnly, interruptOnly, slept);
  }

  /** These scopes past a test that holds only in task context. */
  Scopes inTask() {
    return taskOnly ? this : new Scopes(faultsOff, reclaimOff, hardirqsOff, softirqsOff, true, interruptOnly, slept);
  }

  /** These scopes in a function that runs only in interrupt context. */
  Scopes inInterrupt() {
    return new Scopes(faultsOff, reclaimOff, hardirqsOff, softirqsOff, taskOnly, true, slept);
  }

  /** These scopes past a blocking acquisition of a sleeping lock. */
  Scopes afterSleep() {
    return slept ? this : new Scopes(faultsOff, reclaimOff, hardirqsOff, softirqsOff, taskOnly, interruptOnly, true);
  }

  /** The bits of {@link Summary.Acquisition#cuts()} that an acquisition made here carries. */
  int reachedBits() {
    return (taskOnly ? VIA_TASK : 0) | (slept ? VIA_SLEEP : 0);
  }

  /** Whether an acquisition reached with {@code cuts} is cut off by the scopes open here. */
  boolean cuts(int cuts) {
    return (cuts & cutBits()) != 0;
  }

  /**
   * The bits of {@code cuts} that the scopes open here cut off. In interrupt context, and with
   * bottom halves disabled, in_interrupt() is non-zero (the softirq count includes
   * local_bh_disable), so nothing that only task context reaches runs: btrfs's zstd timer and its
   * cleanup under spin_lock_bh free workspaces, and vfree() defers them.
   */
  int cutBits() {
    return (faultsOff > 0 ? VIA_FAULT : 0) | (reclaimOff > 0 ? VIA_RECLAIM : 0)
        | (softirqsOff > 0 || interruptOnly ? VIA_TASK : 0);
  }

  /** Which interrupt levels can still preempt here (hard interrupts off keeps softirqs out too). */
  int irqsOn() {
    if (hardirqsOff > 0) return 0;
    return softirqsOff > 0 ? HARDIRQS_ON : HARDIRQS_ON | SOFTIRQS_ON;
  }

  /** What distinguishes two states, as bits: open or closed, not the depth. */
  int openBits() {
    return (faultsOff > 0 ? 1 : 0) | (reclaimOff > 0 ? 2 : 0) | (hardirqsOff > 0 ? 4 : 0) | (softirqsOff > 0 ? 8 : 0)
        | (taskOnly ? 16 : 0) | (slept ? 32 : 0);
  }
}
