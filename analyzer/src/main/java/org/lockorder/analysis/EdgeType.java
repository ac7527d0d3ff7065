package org.lockorder.analysis;

import org.lockorder.ir.Mode;

/**
 * Lockdep's dependency types for "L1 held, then L2 acquired": E or S for how L1 is held
 * (exclusive, or shared by any reader), R or N for how L2 is acquired (recursive reader, or not).
 */
public enum EdgeType {
  EN,
  SN,
  ER,
  SR;

  public static EdgeType of(Mode held, Mode acquired) {
    boolean shared = held.shared();
    boolean recursive = acquired == Mode.RECURSIVE_READ;
    if (shared) return recursive ? SR : SN;
    return recursive ? ER : EN;
  }

  /** The edge starts from a lock held by a reader. */
  public boolean fromShared() {
    return this == SN || this == SR;
  }

  /** The edge ends in a recursive-read acquisition. */
  public boolean toRecursive() {
    return this == ER || this == SR;
  }

  /** Lockdep's notation, e.g. "-(EN)->". */
  public String arrow() {
    return "-(" + name() + ")->";
  }
}
