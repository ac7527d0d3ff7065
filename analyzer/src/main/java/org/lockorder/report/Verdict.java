package org.lockorder.report;

/** What the simulator concluded about a finding (see {@link Simulation}). */
public enum Verdict {
  /** A schedule of the threads deadlocks; the schedule is the proof. */
  CONFIRMED("confirmed"),
  /** No schedule deadlocks, for a stated reason (gate lock, trylock, recursive readers, ...). */
  NOT_REPRODUCED("not-reproduced"),
  /** A bound (states, time) stopped the search, or the threads could not be built. */
  INCONCLUSIVE("inconclusive"),
  /** The simulator did not run (--no-simulate). */
  UNCHECKED("unchecked");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The spelling in every output format. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String label() {
    return label;
  }
}
