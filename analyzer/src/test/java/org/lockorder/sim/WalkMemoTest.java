package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.analysis.ProgramView;
import org.lockorder.report.Finding;
import org.lockorder.report.Verdict;

/**
 * A walk whose budget runs out inside an off-route call found only some of that call's exits,
 * maybe none. Those are not what the call does, and a later walk, with budget left, must not
 * take them for it: it read "no exit" as "no path", and called a bound an internal
 * inconsistency (Linux 6.1's btrfs: 192 of 652 findings).
 */
class WalkMemoTest {
  @TempDir Path dir;

  /** churn() has many path states; t1 spends most of its budget in busy() before calling it. */
  static final String CODE =
      SimFixture.FOUR_MUTEXES
          + """
      static DEFINE_SPINLOCK(l1);
      static DEFINE_SPINLOCK(l2);
      static DEFINE_SPINLOCK(l3);
      static DEFINE_SPINLOCK(l4);
      static DEFINE_SPINLOCK(m1);
      static DEFINE_SPINLOCK(m2);
      static DEFINE_SPINLOCK(m3);
      static DEFINE_SPINLOCK(m4);
      int x1, x2, x3, x4, y1, y2, y3, y4;
      static void churn(void)
      {
      	if (x1) spin_lock(&l1);
      	if (x2) spin_lock(&l2);
      	if (x3) spin_lock(&l3);
      	if (x4) spin_lock(&l4);
      	if (y1) spin_unlock(&l1);
      	if (y2) spin_unlock(&l2);
      	if (y3) spin_unlock(&l3);
      	if (y4) spin_unlock(&l4);
      }
      static void busy(void)
      {
      	if (x1) spin_lock(&m1);
      	if (x2) spin_lock(&m2);
      	if (x3) spin_lock(&m3);
      	if (x4) spin_lock(&m4);
      	if (y1) spin_unlock(&m1);
      	if (y2) spin_unlock(&m2);
      	if (y3) spin_unlock(&m3);
      	if (y4) spin_unlock(&m4);
      }
      void t1(void)
      {
      	busy();
      	churn();
      	mutex_lock(&a);
      	mutex_lock(&b);
      	mutex_unlock(&b);
      	mutex_unlock(&a);
      }
      void t3(void)
      {
      	churn();
      	mutex_lock(&c);
      	mutex_lock(&d);
      	mutex_unlock(&d);
      	mutex_unlock(&c);
      }
      """
          + SimFixture.REVERSE_ORDERS;

  @Test
  void aCallCutByOneWalksBudgetIsSearchedAgainByTheNext() throws Exception {
    Path file = dir.resolve("memo.c");
    Files.writeString(file, CODE);
    List<Finding> findings = SimFixture.findings(file, List.of(List.of("a", "b"), List.of("c", "d")));
    assertEquals(2, findings.size(), findings.toString());
    ProgramView program = SimFixture.pipelineProgram(file);
    // 250 path states per thread: t1 spends most of them in busy() and runs out inside churn();
    // t3 calls churn() first, and it fits. (Before the fix t3's walk was "internal inconsistency:
    // no path of t3 follows the witness" for every budget from 190 to 280.)
    Simulator sim = new Simulator(program, new SimulationBounds(100_000, 250, 100_000, 6, 8, 5_000, 10_000_000L));
    assertEquals("the walk of t1 hit its bound (100000 path states per function, 250 per thread)", sim.simulate(findings.get(0)).reason());
    assertEquals(Verdict.CONFIRMED, sim.simulate(findings.get(1)).verdict(), sim.simulate(findings.get(1)).reason());
  }
}
