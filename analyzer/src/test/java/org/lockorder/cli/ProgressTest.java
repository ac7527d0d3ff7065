package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress shows on a terminal only, is throttled, erased at the end, and --quiet silences it. */
class ProgressTest {
  @TempDir Path dir;

  @Test
  void drawsInPlaceAtMostEveryIntervalAndErasesItself() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong(1000);
    TerminalProgress p = new TerminalProgress(new PrintWriter(err), now::get);
    p.stage("parsing", 3);
    p.advance(1);
    now.addAndGet(TerminalProgress.INTERVAL_MS);
    p.advance(2);
    p.finish();
    String s = err.toString();
    assertEquals(List.of("", "lockorder: parsing 0/3 (0.0 s)", "lockorder: parsing 2/3 (0.1 s)", ""), List.of(s.split("\r", -1)).subList(0, 4).stream().map(String::strip).toList(), s);
    assertTrue(s.endsWith("\r"), "the line is erased: " + s);
  }

  @Test
  void noProgressWithoutATerminal() throws Exception {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    CliRun r = CliRun.of("analyze", dir.resolve("abba.c").toString());
    assertFalse(r.err().contains("\r") || r.out().contains("\r"), r.err());
  }

  @Test
  void progressOnARealTerminalAndQuietSilencesIt() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux 'script' is needed to give the command a terminal");
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String base = "'" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' org.lockorder.cli.Main analyze '" + dir.resolve("abba.c") + "'";
    String loud = underTerminal(base + " -o '" + dir.resolve("r.txt") + "'");
    assertTrue(loud.contains("lockorder: parsing 0/1"), loud);
    String quiet = underTerminal(base + " --quiet -o '" + dir.resolve("q.txt") + "'");
    assertFalse(quiet.contains("lockorder: parsing"), quiet);
  }

  private static String underTerminal(String command) throws Exception {
    Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return out;
  }
}
