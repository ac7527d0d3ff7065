package org.lockorder.report.premerge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.report.BaselineEntry;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.Review;
import org.lockorder.report.RunReview;
import org.lockorder.report.Verdict;

/**
 * The pre-merge decision over a report: leave out suppressed findings (unless asked to keep
 * them), compare with the baseline, and decide which findings fail under --fail-on. The analysis
 * already marked suppressions; --new-from-rev has already filtered (see {@link ChangeFilter}).
 */
public final class Triage {
  private Triage() {}

  /**
   * @param failOnNotReproduced whether findings the simulator did not reproduce fail like the
   *     others (--fail-on-not-reproduced); by default they are shown but never fail
   * @param baseline the baseline's entries, or null when the run has none
   * @param baselineFile its name, for the summary
   * @param updated whether the baseline was just rewritten from this run
   * @param change the --new-from-rev summary, or null
   */
  public static Report apply(
      Report report, FailOn failOn, boolean failOnNotReproduced, boolean includeSuppressed, List<BaselineEntry> baseline,
      String baselineFile, boolean updated, RunReview.ChangeSummary change) {
    Map<String, Integer> remaining = new HashMap<>();
    if (baseline != null) for (BaselineEntry e : baseline) remaining.merge(e.fingerprint(), 1, Integer::sum);
    List<Finding> out = new ArrayList<>();
    int suppressed = 0;
    int fresh = 0;
    int known = 0;
    for (Finding f : report.findings()) {
      if (f.suppressed()) {
        suppressed++;
        if (!includeSuppressed) continue;
      }
      Review r = f.review();
      boolean isNew = true;
      if (baseline != null && !f.suppressed()) {
        isNew = remaining.getOrDefault(f.fingerprint(), 0) == 0;
        if (!isNew) remaining.merge(f.fingerprint(), -1, Integer::sum);
        if (isNew) fresh++;
        else known++;
        r = r.withBaseline(isNew ? Review.NEW : Review.UNCHANGED);
      }
      out.add(f.withReview(r.withFailing(fails(f, failOn, failOnNotReproduced, isNew))));
    }
    RunReview.BaselineSummary summary = null;
    if (baseline != null) {
      List<BaselineEntry> stale = new ArrayList<>();
      for (BaselineEntry e : baseline) {
        if (remaining.getOrDefault(e.fingerprint(), 0) > 0) {
          stale.add(e);
          remaining.merge(e.fingerprint(), -1, Integer::sum);
        }
      }
      summary = new RunReview.BaselineSummary(baselineFile, updated, fresh, known, stale);
    }
    return report.withFindings(out, new RunReview(failOn.label(), suppressed, summary, change));
  }

  /**
   * Whether a finding fails the run. A not-reproduced finding comes with the simulator's reason why
   * no schedule deadlocks (a gate lock, a trylock, ...): it is shown for review but fails only when
   * asked. Inconclusive and unchecked findings were not ruled out, so they fail like confirmed ones.
   */
  static boolean fails(Finding f, FailOn failOn, boolean failOnNotReproduced, boolean isNew) {
    if (!f.severity().equals("warning") || f.suppressed()) return false;
    Verdict v = f.simulation().verdict();
    if (v == Verdict.NOT_REPRODUCED && !failOnNotReproduced) return false;
    return switch (failOn) {
      case any -> true;
      case none -> false;
      case NEW -> isNew;
      case confirmed -> isNew && v != Verdict.NOT_REPRODUCED;
    };
  }
}
