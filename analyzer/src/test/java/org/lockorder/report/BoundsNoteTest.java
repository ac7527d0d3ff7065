package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.analysis.AnalysisBounds;

/** The text report says which bounds cut the analysis, and which recursions did not settle. */
class BoundsNoteTest {
  private static List<String> notes(AnalysisBounds bounds) {
    Report.Stats stats = new Report.Stats(
        1, 10, 3, 3, 3, 0, 0, 0, bounds.functions(), bounds, new Report.CycleSearchStats(6, 1000, false, null), 0);
    StringWriter text = new StringWriter();
    new TextWriter().write(new Report("lockorder", "test", List.of(), List.of(), stats), new PrintWriter(text));
    return text.toString().lines().filter(l -> l.startsWith("lockorder: note:")).toList();
  }

  @Test
  void noNoteWithoutBounds() {
    assertEquals(List.of(), notes(AnalysisBounds.NONE));
  }

  @Test
  void eachBoundIsCountedAndEachUnsettledRecursionNamed() {
    AnalysisBounds bounds = new AnalysisBounds(
        9, 2, 3, List.of(new AnalysisBounds.Recursion(5, "walk (a.c:3:5)", List.of("held-state rounds (50)", "propagation steps (50000000)"))));
    assertEquals(List.of(
        "lockorder: note: in 9 functions a bound cut the held-lock analysis (2 with too many held-lock states at one point,"
            + " 3 with too many distinct lock effects at their returns, 5 in recursions that did not settle);"
            + " some paths there were not followed",
        "lockorder: note: the recursion of 5 functions around walk (a.c:3:5) stopped at its bound on held-state rounds (50)"
            + " and propagation steps (50000000) before a fixpoint: findings through it depend on where it stopped"),
        notes(bounds));
  }

  @Test
  void onlyTheBoundsThatCutAreListed() {
    assertEquals(List.of(
        "lockorder: note: in 1 function a bound cut the held-lock analysis (1 with too many distinct lock effects at their returns);"
            + " some paths there were not followed"),
        notes(new AnalysisBounds(1, 0, 1, List.of())));
  }
}
