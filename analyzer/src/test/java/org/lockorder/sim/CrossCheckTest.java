package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.analysis.ProgramView;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Verdict;

/**
 * The simulator re-derives every witness from the IR: a finding whose edge the code does not
 * have (as a bug in the analysis would produce) is caught as an internal inconsistency, never
 * confirmed.
 */
class CrossCheckTest {
  @TempDir Path dir;

  // t1 takes alpha then beta; t2 drops beta before it takes alpha: there is no beta -> alpha edge.
  static final String CODE =
      """
      static DEFINE_MUTEX(alpha);
      static DEFINE_MUTEX(beta);
      void t1(void)
      {
      	mutex_lock(&alpha);
      	mutex_lock(&beta);
      	mutex_unlock(&beta);
      	mutex_unlock(&alpha);
      }
      void t2(void)
      {
      	mutex_lock(&beta);
      	mutex_unlock(&beta);
      	mutex_lock(&alpha);
      	mutex_unlock(&alpha);
      }
      """;

  private Finding cycle(ThreadTrace second) {
    ThreadTrace first = SimFixture.thread("alpha", "beta",
        SimFixture.entry(dir, "t1", 3), SimFixture.acquire(dir, "t1", 5, 2, "alpha"), SimFixture.acquire(dir, "t1", 6, 2, "beta"));
    return new Finding("LO001", "warning", "test", List.of("alpha", "beta"), dir.resolve("snippet.c").toString(), 13, 2,
        Simulation.unchecked(), List.of(), List.of(first, second));
  }

  @Test
  void aWrongEdgeIsAnInternalInconsistency() throws Exception {
    ProgramView program = SimFixture.program(dir, CODE);
    // The deliberately wrong edge: "t2 holds beta (line 12) when it takes alpha (line 14)".
    ThreadTrace wrong = SimFixture.thread("beta", "alpha",
        SimFixture.entry(dir, "t2", 10), SimFixture.acquire(dir, "t2", 12, 2, "beta"), SimFixture.acquire(dir, "t2", 14, 2, "alpha"));
    Simulation s = new Simulator(program, SimulationBounds.DEFAULT).simulate(cycle(wrong));
    assertEquals(Verdict.INCONCLUSIVE, s.verdict());
    assertTrue(s.reason().startsWith("internal inconsistency: the walk reaches the acquisition at "), s.reason());
    assertTrue(s.reason().contains(":14:2 in t2"), s.reason());
  }

  @Test
  void aWitnessThroughACallThatIsNotThereIsAnInternalInconsistency() throws Exception {
    ProgramView program = SimFixture.program(dir, CODE);
    ThreadTrace wrong = SimFixture.thread("beta", "alpha",
        SimFixture.entry(dir, "t2", 10),
        new org.lockorder.report.Step(dir.resolve("snippet.c").toString(), 12, 2, "t2", "call", null, null, "t1", null, 0),
        SimFixture.acquire(dir, "t1", 6, 2, "beta"), SimFixture.acquire(dir, "t1", 5, 2, "alpha"));
    Simulation s = new Simulator(program, SimulationBounds.DEFAULT).simulate(cycle(wrong));
    assertEquals(Verdict.INCONCLUSIVE, s.verdict());
    assertTrue(s.reason().startsWith("internal inconsistency"), s.reason());
  }

  @Test
  void aWalkThatLosesTheWitnessSaysWhere() throws Exception {
    ProgramView program = SimFixture.program(dir, CODE);
    // t2 takes beta at line 12, but no acquisition of alpha is at line 13 (it is at 14).
    ThreadTrace wrong = SimFixture.thread("beta", "alpha",
        SimFixture.entry(dir, "t2", 10), SimFixture.acquire(dir, "t2", 12, 2, "beta"), SimFixture.acquire(dir, "t2", 13, 2, "alpha"));
    Simulation s = new Simulator(program, SimulationBounds.DEFAULT).simulate(cycle(wrong));
    assertEquals(Verdict.INCONCLUSIVE, s.verdict());
    String file = dir.resolve("snippet.c").toString();
    assertEquals("internal inconsistency: no path of t2 follows the witness past the acquisition of beta in t2 at " + file
        + ":12:2 (none goes on to the acquisition of alpha in t2 at " + file + ":13:2)", s.reason());
  }

  @Test
  void ofTwoCallsAtOnePositionTheWalkFollowsTheOneTheWitnessNames() throws Exception {
    // 6.1's adfs_dir_read: ADFS_SB(sb)->s_dir->read(...) is the accessor's call and the method's,
    // both at the position where the expression starts.
    String code = """
        static DEFINE_MUTEX(alpha);
        static DEFINE_MUTEX(beta);
        struct dir_ops { int (*read)(void *sb); };
        struct sb_info { const struct dir_ops *dir; };
        static struct sb_info *SB_INFO(void *sb) { return sb; }
        static int disk_read(void *sb) { mutex_lock(&beta); mutex_unlock(&beta); return 0; }
        static const struct dir_ops disk_dir_ops = { .read = disk_read };
        int read_dir(void *sb) { int r; mutex_lock(&alpha); r = SB_INFO(sb)->dir->read(sb); mutex_unlock(&alpha); return r; }
        void other(void) { mutex_lock(&beta); mutex_lock(&alpha); mutex_unlock(&alpha); mutex_unlock(&beta); }
        """;
    Path file = dir.resolve("dir.c");
    java.nio.file.Files.writeString(file, code);
    List<Finding> cycles = SimFixture.findings(file, List.of(List.of("alpha", "beta")));
    assertEquals(1, cycles.size(), cycles.toString());
    Simulation s = new Simulator(SimFixture.pipelineProgram(file), SimulationBounds.DEFAULT).simulate(cycles.get(0));
    assertEquals(Verdict.CONFIRMED, s.verdict(), s.reason());
  }

  @Test
  void theTrueEdgeWalksAndTheRealCycleIsConfirmed() throws Exception {
    String code = CODE.replace("\tmutex_unlock(&beta);\n\tmutex_lock(&alpha);\n\tmutex_unlock(&alpha);\n}",
        "\tmutex_lock(&alpha);\n\tmutex_unlock(&alpha);\n\tmutex_unlock(&beta);\n}");
    ProgramView program = SimFixture.program(dir, code);
    ThreadTrace right = SimFixture.thread("beta", "alpha",
        SimFixture.entry(dir, "t2", 10), SimFixture.acquire(dir, "t2", 12, 2, "beta"), SimFixture.acquire(dir, "t2", 13, 2, "alpha"));
    Simulation s = new Simulator(program, SimulationBounds.DEFAULT).simulate(cycle(right));
    assertEquals(Verdict.CONFIRMED, s.verdict(), s.reason());
    List<String> blocked = s.schedule().stream().filter(x -> x.action().equals("blocks")).map(x -> x.thread() + " " + x.lock() + " " + x.note()).toList();
    assertEquals(List.of("0 beta held by thread 2", "1 alpha held by thread 1"), blocked);
  }
}
