package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.sarif.SarifValidator;

/**
 * The CI examples in docs/ci/ run as documented: the pre-commit hook in a real git repository,
 * and the GitHub Actions workflow's run: steps through docs/ci/run-workflow-locally.sh. A
 * 'lockorder' on PATH runs this build (the test class path).
 */
class CiExamplesTest {
  @TempDir Path tmp;
  private Path bin;

  @BeforeEach
  void shim() throws IOException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path shim = bin.resolve("lockorder");
    Files.writeString(shim, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' org.lockorder.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(int exit, String output) {}

  private Run run(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    GitEnv.isolate(env);
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("GIT_AUTHOR_NAME", "test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
    return new Run(p.exitValue(), out);
  }

  @Test
  void preCommitHookRefusesACommitThatAddsACycle() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    assertEquals(0, run(repo, "git", "init", "-q").exit());
    Files.copy(Path.of("docs/ci/pre-commit"), repo.resolve(".git/hooks/pre-commit"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(repo.resolve("first.c"), NewFromRevTest.FIRST_ONLY);
    assertEquals(0, run(repo, "git", "add", "first.c").exit());
    Run clean = run(repo, "git", "commit", "-q", "-m", "first");
    assertEquals(0, clean.exit(), clean.output());

    Files.writeString(repo.resolve("first.c"), AnalyzeCommandTest.ABBA);
    run(repo, "git", "add", "first.c");
    Run refused = run(repo, "git", "commit", "-q", "-m", "second");
    assertEquals(1, refused.exit(), refused.output());
    assertTrue(refused.output().contains("possible deadlock: lock-order cycle alpha -> beta -> alpha [LO001]"), refused.output());
    assertTrue(refused.output().contains("lockorder-ignore LO001: reason"), refused.output());

    String justified = AnalyzeCommandTest.ABBA.replace("\tmutex_lock(&beta);\n\tmutex_lock(&alpha);",
        "\tmutex_lock(&beta);\n\tmutex_lock(&alpha); /* lockorder-ignore LO001: second() runs only during early boot */");
    Files.writeString(repo.resolve("first.c"), justified);
    run(repo, "git", "add", "first.c");
    Run accepted = run(repo, "git", "commit", "-q", "-m", "second, justified");
    assertEquals(0, accepted.exit(), accepted.output());
  }

  @Test
  void workflowRunStepsPassWithTheBaselineAndFailOnANewCycle() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project/src"));
    Files.writeString(project.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    Path root = project.getParent();
    Run baseline = run(root, bin.resolve("lockorder").toString(), "analyze", "--baseline", "lockorder-baseline.json", "--update-baseline", "src/");
    assertEquals(0, baseline.exit(), baseline.output());
    List<String> cmd = new ArrayList<>(List.of("bash", Path.of("docs/ci/run-workflow-locally.sh").toAbsolutePath().toString(),
        Path.of("docs/ci/github-actions.yml").toAbsolutePath().toString(), root.toString()));
    Run green = run(root, cmd.toArray(String[]::new));
    assertEquals(0, green.exit(), green.output());
    assertTrue(green.output().contains("run-workflow-locally: run Analyze"), green.output());
    assertTrue(green.output().contains("skip Upload to code scanning"), green.output());
    SarifValidator.assertValid(Files.readString(root.resolve("lockorder.sarif")), "the workflow's lockorder.sarif");

    Files.writeString(project.resolve("gamma.c"), PreMergeTest.GAMMA_DELTA);
    Run red = run(root, cmd.toArray(String[]::new));
    assertEquals(1, red.exit(), red.output());
    assertTrue(red.output().contains("step 'Analyze (fails on findings that are not in the baseline)' failed with exit 1"), red.output());
    String sarif = Files.readString(root.resolve("lockorder.sarif"));
    SarifValidator.assertValid(sarif, "the workflow's lockorder.sarif");
    assertTrue(sarif.contains("\"baselineState\" : \"new\""), sarif);
  }
}
