package org.lockorder.report.premerge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.report.BaselineEntry;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.SimulatedFindings;

/**
 * Which verdicts fail the run (exit 1) under each --fail-on level, with and without
 * --fail-on-not-reproduced. The report holds one finding per verdict: confirmed, not-reproduced,
 * inconclusive, unchecked.
 */
class VerdictFailureTest {
  private static List<Boolean> failing(FailOn level, boolean notReproducedFails) {
    return failing(SimulatedFindings.report(), level, notReproducedFails, null);
  }

  private static List<Boolean> failing(Report r, FailOn level, boolean notReproducedFails, List<BaselineEntry> baseline) {
    Report out = Triage.apply(r, level, notReproducedFails, false, baseline, baseline == null ? null : "b.json", false, null);
    return out.findings().stream().map(Finding::failing).toList();
  }

  @Test
  void notReproducedIsShownButDoesNotFailByDefault() {
    assertEquals(List.of(true, false, true, true), failing(FailOn.any, false));
    assertEquals(List.of(true, false, true, true), failing(FailOn.NEW, false));
    assertEquals(4, Triage.apply(SimulatedFindings.report(), FailOn.any, false, false, null, null, false, null).findings().size(),
        "every finding stays in the report");
  }

  @Test
  void failOnNotReproducedMakesItFailLikeTheOthers() {
    assertEquals(List.of(true, true, true, true), failing(FailOn.any, true));
    assertEquals(List.of(true, true, true, true), failing(FailOn.NEW, true));
    assertEquals(List.of(false, false, false, false), failing(FailOn.none, true));
  }

  @Test
  void confirmedFailsOnWhatTheSimulatorDidNotRuleOut() {
    assertEquals(List.of(true, false, true, true), failing(FailOn.confirmed, false));
    // ... and, like new, only on findings missing from the baseline.
    Report r = SimulatedFindings.report();
    List<BaselineEntry> accepted = List.of(BaselineEntry.of(r.findings().get(0)));
    // All four share one fingerprint (same cycle, same entries): the one baseline entry matches the
    // first, the confirmed one, which is then unchanged; the others are new.
    assertEquals(List.of(false, false, true, true), failing(r, FailOn.confirmed, false, accepted));
  }

  @Test
  void notesNeverFailWhateverTheVerdict() {
    Finding c = SimulatedFindings.confirmed();
    Finding note = new Finding(c.rule(), "note", c.message(), c.classes(), c.file(), c.line(), c.column(), c.simulation(), List.of("big_lock"), c.threads());
    Report r = SimulatedFindings.report().withFindings(List.of(note), SimulatedFindings.report().review());
    assertEquals(List.of(false), failing(r, FailOn.any, true, null));
  }
}
