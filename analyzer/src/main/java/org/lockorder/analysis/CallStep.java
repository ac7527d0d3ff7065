package org.lockorder.analysis;

import org.lockorder.ir.Location;

/**
 * One call on a witness path: {@code caller} calls {@code callee} at {@code location}; {@code via}
 * says how an indirect or implicit call was resolved (null for a direct call).
 */
public record CallStep(String caller, Location location, String callee, String via) {

  // By hand, with the record's own formula: the summary memo shares steps through a map (see
  // LockClass).
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof CallStep s
            && java.util.Objects.equals(location, s.location)
            && java.util.Objects.equals(callee, s.callee)
            && java.util.Objects.equals(caller, s.caller)
            && java.util.Objects.equals(via, s.via);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(caller);
    h = 31 * h + java.util.Objects.hashCode(location);
    h = 31 * h + java.util.Objects.hashCode(callee);
    return 31 * h + java.util.Objects.hashCode(via);
  }
}
