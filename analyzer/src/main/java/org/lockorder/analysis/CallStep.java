package org.lockorder.analysis;

import org.lockorder.ir.Location;

/**
 * One call on a witness path: {@code caller} calls {@code callee} at {@code location}; {@code via}
 * says how an indirect or implicit call was resolved (null for a direct call).
 */
public record CallStep(String caller, Location location, String callee, String via) {}
