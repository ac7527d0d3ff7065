package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --new-from-rev REV: only findings with an edge on lines changed since REV, in a real git repo. */
class NewFromRevTest {
  @TempDir Path repo;

  /** The first half of the ABBA example: first() alone, no cycle. */
  static final String FIRST_ONLY = AnalyzeCommandTest.ABBA.substring(0, AnalyzeCommandTest.ABBA.indexOf("void second"));

  static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    GitEnv.isolate(pb.environment());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
  }

  @BeforeEach
  void commitFirst() throws Exception {
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("locks.c"), FIRST_ONLY);
    git(repo, "add", "locks.c");
    git(repo, "commit", "-q", "-m", "first");
  }

  private String path(String name) {
    return repo.resolve(name).toString();
  }

  @Test
  void aChangeThatClosesACycleIsReportedAtTheChangedLine() throws Exception {
    assertEquals(ExitCodes.OK, CliRun.of("analyze", "--new-from-rev", "HEAD", repo.toString()).exit());
    Files.writeString(repo.resolve("locks.c"), AnalyzeCommandTest.ABBA);
    CliRun r = CliRun.of("analyze", "--new-from-rev", "HEAD", repo.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains(path("locks.c") + ":15:2: warning: possible deadlock"), r.out());
    assertTrue(r.out().contains("--new-from-rev HEAD: only findings with an edge on changed lines are shown; 0 others left out"), r.out());
  }

  @Test
  void findingsOutsideTheChangeAreLeftOutAndUntrackedFilesCountWhole() throws Exception {
    Files.writeString(repo.resolve("locks.c"), AnalyzeCommandTest.ABBA);
    git(repo, "commit", "-q", "-am", "second");
    Files.writeString(repo.resolve("unrelated.c"), "void idle(void) { }\n");
    CliRun quiet = CliRun.of("analyze", "--new-from-rev", "HEAD", repo.toString());
    assertEquals(ExitCodes.OK, quiet.exit(), quiet.out());
    assertTrue(quiet.out().contains("1 other left out"), quiet.out());
    Files.writeString(repo.resolve("gamma.c"), PreMergeTest.GAMMA_DELTA);
    CliRun r = CliRun.of("analyze", "--new-from-rev", "HEAD", repo.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("gamma -> delta"), r.out());
    assertFalse(r.out().contains("alpha -> beta"), r.out());
  }

  @Test
  void theChangedEdgeBecomesThePrimaryLocation() throws Exception {
    String secondOnly = AnalyzeCommandTest.ABBA.substring(AnalyzeCommandTest.ABBA.indexOf("void second"));
    Files.writeString(repo.resolve("locks.c"), "static DEFINE_MUTEX(alpha);\nstatic DEFINE_MUTEX(beta);\n\n" + secondOnly);
    git(repo, "commit", "-q", "-am", "only second");
    Files.writeString(repo.resolve("locks.c"), AnalyzeCommandTest.ABBA);
    CliRun r = CliRun.of("analyze", "--new-from-rev", "HEAD", repo.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains(path("locks.c") + ":6:2: warning: possible deadlock"), "first()'s changed acquisition, not second()'s: " + r.out());
  }

  /**
   * Findings outside the change are not simulated: the run's simulation budget goes to those
   * reported. With a budget of one state, a whole run simulates locks.c's cycle (first in report
   * order) and leaves gamma.c's unchecked; with --new-from-rev, gamma.c's is the one simulated.
   */
  @Test
  void onlyTheFindingsInTheChangeAreSimulated() throws Exception {
    Files.writeString(repo.resolve("locks.c"), AnalyzeCommandTest.ABBA);
    git(repo, "commit", "-q", "-am", "second");
    Files.writeString(repo.resolve("gamma.c"), PreMergeTest.GAMMA_DELTA);
    CliRun whole = CliRun.of("analyze", "--simulation-budget", "1", repo.toString());
    assertTrue(whole.out().contains("not simulated: the run's simulation budget"), whole.out());
    CliRun r = CliRun.of("analyze", "--new-from-rev", "HEAD", "--simulation-budget", "1", repo.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("gamma -> delta"), r.out());
    assertTrue(r.out().contains("verdict: confirmed"), r.out());
    assertFalse(r.out().contains("not simulated"), r.out());
  }

  @Test
  void gitErrorsAreUsageErrors() throws Exception {
    CliRun bad = CliRun.of("analyze", "--new-from-rev", "no-such-rev", repo.toString());
    assertEquals(ExitCodes.USAGE_ERROR, bad.exit());
    assertTrue(bad.err().startsWith("lockorder: error: --new-from-rev no-such-rev: git diff failed"), bad.err());
    Path outside = Files.createTempDirectory("not-a-repo");
    Files.writeString(outside.resolve("a.c"), "void f(void) { }\n");
    CliRun noRepo = CliRun.of("analyze", "--new-from-rev", "HEAD", outside.toString());
    assertEquals(ExitCodes.USAGE_ERROR, noRepo.exit());
    assertTrue(noRepo.err().contains("git rev-parse failed"), noRepo.err());
  }
}
