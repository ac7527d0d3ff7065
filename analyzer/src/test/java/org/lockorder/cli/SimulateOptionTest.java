package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --no-simulate reaches the pipeline, and the report says the simulation was disabled. */
class SimulateOptionTest {
  @TempDir Path dir;

  private static AnalyzeCommand parsed(String... args) {
    AnalyzeCommand cmd = new AnalyzeCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd;
  }

  @Test
  void noSimulateTurnsTheSimulatorOff() {
    assertTrue(parsed("x.c").pipelineOptions().simulate(), "on by default");
    assertFalse(parsed("--no-simulate", "x.c").pipelineOptions().simulate());
  }

  @Test
  void noSimulateFindingsAreUncheckedAndStillFail() throws IOException {
    Path f = dir.resolve("abba.c");
    Files.writeString(f, AnalyzeCommandTest.ABBA);
    CliRun r = CliRun.of("analyze", "--no-simulate", f.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains("\n  verdict: unchecked (simulation disabled)\n"), r.out());
    assertTrue(CliRun.of("analyze", "--help").out().contains("--no-simulate"));
  }
}
