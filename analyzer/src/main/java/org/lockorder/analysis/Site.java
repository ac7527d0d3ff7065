package org.lockorder.analysis;

import java.util.List;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * Where a lock was taken, seen from the function whose state holds it: the calls leading down from
 * that function to the acquiring event, then the event itself.
 *
 * @param calls calls from the viewing function down to {@code function}; empty when the event is
 *     in the viewing function itself
 * @param function the function containing the acquiring event
 * @param location the acquiring event
 * @param api the primitive used ("mutex_lock", "page fault", "__must_hold")
 * @param instance the lock expression as written, to tell instances of one class apart
 */
public record Site(
    List<CallStep> calls,
    String function,
    Location location,
    String api,
    LockClass lockClass,
    Mode mode,
    String instance) {

  public Site {
    calls = CallChain.of(calls);
  }

  /** This site seen one frame up: through {@code step}, a call into the current viewing function. */
  Site through(CallStep step) {
    return new Site(((CallChain) calls).prepend(step), function, location, api, lockClass, mode, instance);
  }

  Site withClass(LockClass cls, String instanceText) {
    return new Site(calls, function, location, api, cls, mode, instanceText);
  }
}
