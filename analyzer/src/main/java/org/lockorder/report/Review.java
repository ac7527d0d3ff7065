package org.lockorder.report;

/**
 * The pre-merge view of one finding (docs/pre-merge.md).
 *
 * @param suppression the in-source suppression that covers it, or null
 * @param baseline "new" or "unchanged" when the run compared against a baseline, else null
 * @param failing whether it fails the run under the chosen --fail-on level
 */
public record Review(Suppression suppression, String baseline, boolean failing) {
  public static final String NEW = "new";
  public static final String UNCHANGED = "unchanged";

  /** Before any pre-merge check: warnings fail, notes don't. */
  public static Review initial(String severity) {
    return new Review(null, null, severity.equals("warning"));
  }

  public Review withSuppression(Suppression s) {
    return new Review(s, baseline, failing && s == null);
  }

  public Review withBaseline(String state) {
    return new Review(suppression, state, failing);
  }

  public Review withFailing(boolean value) {
    return new Review(suppression, baseline, value);
  }
}
