package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.Verdict;

/**
 * The walk keeps the frame it made for a call (the arguments' locks in the entry's terms) and
 * serves it again when another path state reaches the same call. Two calls of one helper in one
 * function are two calls: each names the lock its own argument points to (a key without the
 * call's node made this test fail).
 */
class CallFramesTest {
  @TempDir Path dir;

  @Test
  void twoOffRouteCallsOfOneHelperEachDropTheirOwnArgument() throws Exception {
    // In t1, release(&g) and release(&d) are off the witness's route. Read with one frame for
    // both, the second would drop g again and leave d held, and t2, which takes d first, would
    // wait for t1 instead of closing the cycle.
    assertConfirmed("""
        static DEFINE_MUTEX(a);
        static DEFINE_MUTEX(b);
        static DEFINE_MUTEX(d);
        static DEFINE_MUTEX(g);
        static void release(struct mutex *m) { mutex_unlock(m); }
        void t1(void)
        {
        	mutex_lock(&g);
        	release(&g);
        	mutex_lock(&d);
        	release(&d);
        	mutex_lock(&a);
        	mutex_lock(&b);
        	mutex_unlock(&b);
        	mutex_unlock(&a);
        }
        void t2(void)
        {
        	mutex_lock(&d);
        	mutex_lock(&b);
        	mutex_lock(&a);
        	mutex_unlock(&a);
        	mutex_unlock(&b);
        	mutex_unlock(&d);
        }
        """);
  }

  private void assertConfirmed(String code) throws Exception {
    Path file = dir.resolve("frames.c");
    Files.writeString(file, code);
    List<Finding> findings = SimFixture.findings(file, List.of(List.of("a", "b")));
    assertEquals(1, findings.size(), findings.toString());
    Simulator sim = new Simulator(SimFixture.pipelineProgram(file), SimulationBounds.DEFAULT);
    Simulation s = sim.simulate(findings.get(0));
    assertEquals(Verdict.CONFIRMED, s.verdict(), s.reason());
    assertEquals("2 threads deadlock in the schedule below", s.reason());
  }
}
