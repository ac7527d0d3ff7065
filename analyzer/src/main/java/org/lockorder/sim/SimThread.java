package org.lockorder.sim;

import java.util.List;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * A thread as the scheduler runs it: its operations on named lock instances.
 *
 * @param witness index of the finding's witness thread it re-executes, or -1 when added
 * @param interrupts for an interrupt handler, the index of the thread whose CPU it interrupts;
 *     -1 for an ordinary thread
 * @param level the handler's interrupt level, or null
 */
record SimThread(
    String entry, int witness, String role, List<Op> ops, int interrupts, IrqLevel level) {

  SimThread {
    ops = List.copyOf(ops);
  }

  /**
   * @param lock the instance's label; threads that share a label share the lock
   * @param last the thread's final acquisition on its witness (where it blocks in the deadlock)
   */
  record Op(
      LockOp.Kind kind, String lock, Mode mode, AcquireStyle style, String api, String function, Location at,
      int witnessStep, IrqLevel level, boolean enabled, boolean last) {}
}
