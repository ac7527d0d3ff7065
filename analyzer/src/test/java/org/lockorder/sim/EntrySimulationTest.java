package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.Simulation;
import org.lockorder.report.Verdict;

/** lockorder simulate: chosen functions as threads, both sides of every branch. */
class EntrySimulationTest {
  @TempDir Path dir;

  static final String CODE =
      """
      static DEFINE_MUTEX(alpha);
      static DEFINE_MUTEX(beta);
      static DEFINE_MUTEX(gate);
      static void take_beta(void)
      {
      	mutex_lock(&beta);
      	mutex_unlock(&beta);
      }
      void writer(int flags)
      {
      	mutex_lock(&alpha);
      	if (flags & 1)
      		take_beta();
      	mutex_unlock(&alpha);
      }
      void reader(void)
      {
      	mutex_lock(&beta);
      	mutex_lock(&alpha);
      	mutex_unlock(&alpha);
      	mutex_unlock(&beta);
      }
      void gated_writer(void)
      {
      	mutex_lock(&gate);
      	mutex_lock(&alpha);
      	take_beta();
      	mutex_unlock(&alpha);
      	mutex_unlock(&gate);
      }
      void gated_reader(void)
      {
      	mutex_lock(&gate);
      	reader();
      	mutex_unlock(&gate);
      }
      """;

  @Test
  void theBranchThatTakesTheSecondLockDeadlocksAgainstTheOtherOrder() throws Exception {
    Simulation s = new EntrySimulation(SimFixture.program(dir, CODE), SimulationBounds.DEFAULT).run(List.of("writer", "reader"));
    assertEquals(Verdict.CONFIRMED, s.verdict(), s.reason());
    assertEquals(List.of("0 beta held by thread 2", "1 alpha held by thread 1"),
        s.schedule().stream().filter(x -> x.action().equals("blocks")).map(x -> x.thread() + " " + x.lock() + " " + x.note()).toList());
  }

  @Test
  void aCommonGateLockMeansNoDeadlock() throws Exception {
    Simulation s = new EntrySimulation(SimFixture.program(dir, CODE), SimulationBounds.DEFAULT).run(List.of("gated_writer", "gated_reader"));
    assertEquals(Verdict.NOT_REPRODUCED, s.verdict(), s.reason());
    assertTrue(s.reason().startsWith("no interleaving of any of the 1 path combinations deadlocks"), s.reason());
  }

  @Test
  void anUnknownFunctionIsAUsageError() throws Exception {
    var program = SimFixture.program(dir, CODE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EntrySimulation(program, SimulationBounds.DEFAULT).run(List.of("writer", "nosuch")));
    assertEquals("no function named 'nosuch' in the analyzed code", e.getMessage());
  }
}
