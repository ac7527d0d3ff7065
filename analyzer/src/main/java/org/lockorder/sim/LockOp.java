package org.lockorder.sim;

import org.lockorder.analysis.LockClass;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * One operation of a walked thread, in source terms: the lock's class and the expression naming
 * it (in the entry function's terms where a parameter was substituted), not yet an instance.
 *
 * @param kind what happens
 * @param text the lock expression; with {@code lockClass} it tells objects of one class apart
 * @param role the route's role of this acquisition (held, final) or NONE
 * @param stepIndex the witness step it matches, or -1
 * @param level for {@link Kind#IRQS}: which interrupts; {@code enabled} says on or off
 */
record LockOp(
    Kind kind, LockClass lockClass, String text, Mode mode, AcquireStyle style, String api, String function,
    Location location, Route.Role role, int stepIndex, IrqLevel level, boolean enabled) {

  /** MARK: the route's held lock was already held (taken earlier, found by an assertion); no operation. */
  enum Kind { ACQUIRE, RELEASE, IRQS, MARK }

  static LockOp acquire(Held h, AcquireStyle style, String api, String function, Location at, int stepIndex) {
    return new LockOp(Kind.ACQUIRE, h.lockClass(), h.text(), h.mode(), style, api, function, at, h.role(), stepIndex, null, false);
  }

  static LockOp mark(Held h, String function, Location at, int stepIndex) {
    return new LockOp(Kind.MARK, h.lockClass(), h.text(), h.mode(), null, null, function, at, h.role(), stepIndex, null, false);
  }

  static LockOp release(Held h, String api, String function, Location at) {
    return new LockOp(Kind.RELEASE, h.lockClass(), h.text(), h.mode(), null, api, function, at, Route.Role.NONE, -1, null, false);
  }

  static LockOp irqs(IrqLevel level, boolean enabled, String api, String function, Location at) {
    return new LockOp(Kind.IRQS, null, null, null, null, api, function, at, Route.Role.NONE, -1, level, enabled);
  }

  /** A lock the walk holds: its class, the expression that took it, how, and its role. */
  record Held(LockClass lockClass, String text, Mode mode, Route.Role role) {}
}
