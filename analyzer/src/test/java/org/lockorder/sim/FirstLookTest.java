package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.analysis.ProgramView;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Verdict;

/**
 * simulateAll gives every finding a first look with smaller bounds before any finding gets the
 * full ones: an expensive finding early in the report no longer spends the budget of the cheap
 * ones after it.
 */
class FirstLookTest {
  @TempDir Path dir;

  /**
   * Two cycles. a/b: thread t1 walks through churn(), whose independent conditional locks make
   * many path states, before it takes b. c/d: two short threads.
   */
  static final String CODE =
      SimFixture.FOUR_MUTEXES
          + """
      static DEFINE_SPINLOCK(l1);
      static DEFINE_SPINLOCK(l2);
      static DEFINE_SPINLOCK(l3);
      static DEFINE_SPINLOCK(l4);
      static DEFINE_SPINLOCK(l5);
      static DEFINE_SPINLOCK(l6);
      int x1, x2, x3, x4, x5, x6, y1, y2, y3, y4, y5, y6;
      static void churn(void)
      {
      	if (x1) spin_lock(&l1);
      	if (x2) spin_lock(&l2);
      	if (x3) spin_lock(&l3);
      	if (x4) spin_lock(&l4);
      	if (x5) spin_lock(&l5);
      	if (x6) spin_lock(&l6);
      	if (y1) spin_unlock(&l1);
      	if (y2) spin_unlock(&l2);
      	if (y3) spin_unlock(&l3);
      	if (y4) spin_unlock(&l4);
      	if (y5) spin_unlock(&l5);
      	if (y6) spin_unlock(&l6);
      }
      void t1(void)
      {
      	mutex_lock(&a);
      	churn();
      	mutex_lock(&b);
      	mutex_unlock(&b);
      	mutex_unlock(&a);
      }
      void t3(void)
      {
      	mutex_lock(&c);
      	mutex_lock(&d);
      	mutex_unlock(&d);
      	mutex_unlock(&c);
      }
      """
          + SimFixture.REVERSE_ORDERS;

  private List<Finding> findings;
  private ProgramView program;

  private void analyze() throws Exception {
    Path file = dir.resolve("cycles.c");
    Files.writeString(file, CODE);
    findings = SimFixture.findings(file, List.of(List.of("a", "b"), List.of("c", "d")));
    assertEquals(2, findings.size(), findings.toString());
    program = SimFixture.pipelineProgram(file);
  }

  /** Bounds under which t1's walk fits, but not under a first look's. */
  private static SimulationBounds bounds(long runWork) {
    return new SimulationBounds(400, 800, 500, 6, 8, 5_000, runWork);
  }

  private List<String> verdicts(long runWork) {
    List<String> out = new ArrayList<>();
    for (Finding f : new Simulator(program, bounds(runWork)).simulateAll(findings)) {
      out.add(String.join("/", f.classes()) + " " + f.simulation().verdict().name().toLowerCase() + ": " + f.simulation().reason());
    }
    return out;
  }

  @Test
  void whatTheFirstLookLeavesInconclusiveGetsTheFullBounds() throws Exception {
    analyze();
    assertEquals(Verdict.INCONCLUSIVE, new Simulator(program, bounds(20_000).firstLook()).simulate(findings.get(0)).verdict(),
        "the fixture: t1's walk does not fit a first look's bounds");
    assertEquals(
        List.of("a/b confirmed: 2 threads deadlock in the schedule below",
            "c/d confirmed: 2 threads deadlock in the schedule below"),
        verdicts(20_000));
  }

  @Test
  void everyFindingGetsAFirstLookBeforeAnyGetsTheFullBounds() throws Exception {
    analyze();
    // Enough for both first looks, not for t1's full walk: in one pass with the full bounds, a/b
    // would spend it all and c/d would stay unchecked.
    List<String> v = verdicts(30);
    assertTrue(v.get(0).startsWith("a/b inconclusive: the walk of t1 hit its bound (80 path states per function, 20 per thread)"
        + " on a first look with smaller bounds; the run's budget left none for a full one"), v.get(0));
    assertEquals("c/d confirmed: 2 threads deadlock in the schedule below", v.get(1));
  }

  @Test
  void anInconsistencyIsNotABoundAndIsNotLookedAtAgain() throws Exception {
    ProgramView crossCheck = SimFixture.program(dir, CrossCheckTest.CODE);
    ThreadTrace first = SimFixture.thread("alpha", "beta",
        SimFixture.entry(dir, "t1", 3), SimFixture.acquire(dir, "t1", 5, 2, "alpha"), SimFixture.acquire(dir, "t1", 6, 2, "beta"));
    ThreadTrace wrong = SimFixture.thread("beta", "alpha",
        SimFixture.entry(dir, "t2", 10), SimFixture.acquire(dir, "t2", 12, 2, "beta"), SimFixture.acquire(dir, "t2", 14, 2, "alpha"));
    Finding f = new Finding("LO001", "warning", "test", List.of("alpha", "beta"), dir.resolve("snippet.c").toString(), 13, 2,
        Simulation.unchecked(), List.of(), List.of(first, wrong));
    Finding out = new Simulator(crossCheck, bounds(1)).simulateAll(List.of(f)).get(0);
    assertEquals(Verdict.INCONCLUSIVE, out.simulation().verdict());
    assertTrue(out.simulation().reason().startsWith("internal inconsistency: "), out.simulation().reason());
    assertTrue(!out.simulation().reason().contains("first look"), out.simulation().reason());
  }
}
