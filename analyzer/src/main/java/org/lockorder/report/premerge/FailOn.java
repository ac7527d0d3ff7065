package org.lockorder.report.premerge;

/**
 * Which findings fail the run (exit 1). Suppressed findings and notes never do; neither do
 * findings the simulator did not reproduce (verdict "not-reproduced", shown with its reason)
 * unless --fail-on-not-reproduced is given.
 *
 * <ul>
 *   <li>{@code any}: every finding;
 *   <li>{@code new}: findings not in the baseline (all of them without one) — the default with
 *       --baseline;
 *   <li>{@code confirmed}: new findings the simulator did not rule out: verdict "confirmed",
 *       "inconclusive" (a bound or an inconsistency stopped it) or "unchecked" (--no-simulate).
 *       It names the verdicts that fail, so it cannot be combined with --fail-on-not-reproduced;
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
