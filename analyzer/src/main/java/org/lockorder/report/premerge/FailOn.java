package org.lockorder.report.premerge;

/**
 * Which findings fail the run (exit 1). Suppressed findings and notes never do.
 *
 * <ul>
 *   <li>{@code any}: every finding;
 *   <li>{@code new}: findings not in the baseline (all of them without one) — the default with
 *       --baseline;
 *   <li>{@code confirmed}: new findings whose verdict is "confirmed" or still "unchecked" (until
 *       the simulator runs, every finding is unchecked, so this fails like {@code new});
 *   <li>{@code none}: nothing; the exit code then only reports usage and internal errors.
 * </ul>
 */
public enum FailOn {
  any,
  none,
  confirmed,
  NEW;

  /** The name on the command line ("new" is a Java keyword). */
  public String label() {
    return this == NEW ? "new" : name();
  }

  public static FailOn parse(String s) {
    for (FailOn f : values()) if (f.label().equals(s)) return f;
    throw new IllegalArgumentException("expected one of any, new, confirmed, none; got '" + s + "'");
  }
}
