package org.lockorder.report;

import java.util.List;

/**
 * What the pre-merge checks did to the whole run (docs/pre-merge.md).
 *
 * @param failOn the --fail-on level that decided which findings fail
 * @param suppressed findings covered by an in-source suppression (left out of the report unless
 *     --include-suppressed)
 * @param baseline the comparison with a baseline file, or null
 * @param change the --new-from-rev filter, or null
 */
public record RunReview(String failOn, int suppressed, BaselineSummary baseline, ChangeSummary change) {
  public static final RunReview NONE = new RunReview("any", 0, null, null);

  /**
   * @param file the baseline file as named on the command line
   * @param updated true when --update-baseline rewrote it from this run
   * @param newFindings findings not in the baseline
   * @param unchanged findings in the baseline
   * @param stale baseline entries no finding matched any more
   */
  public record BaselineSummary(String file, boolean updated, int newFindings, int unchanged, List<BaselineEntry> stale) {
    public BaselineSummary {
      stale = List.copyOf(stale);
    }
  }

  /**
   * @param rev the revision changed lines were computed against
   * @param outside findings left out because none of their edges touches a changed line
   */
  public record ChangeSummary(String rev, int outside) {}
}
