package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * --no-simulate reaches the pipeline, and the report says the simulation was disabled;
 * --simulation-budget bounds the work of a whole run, cycles first.
 */
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

  @Test
  void theRunsBudgetGoesToCyclesFirstAndTheRestSayWhyTheyWereNotSimulated() throws IOException {
    // One program with an interrupt inversion and an ABBA cycle.
    Path irq = Files.copy(Path.of("callgraphs/09-lockdep-selftests/irq/irq-inversion-hard-spin.c"), dir.resolve("a-irq.c"));
    Path abba = dir.resolve("b-abba.c");
    Files.writeString(abba, AnalyzeCommandTest.ABBA);
    assertEquals(List.of("LO001 confirmed", "LO003 confirmed"), verdicts("--format=json", irq.toString(), abba.toString()));
    // A budget of one state: the first finding simulated spends it, and that is the cycle.
    assertEquals(List.of("LO001 confirmed", "LO003 unchecked"),
        verdicts("--format=json", "--simulation-budget=1", irq.toString(), abba.toString()));
    CliRun text = CliRun.of("analyze", "--simulation-budget=1", irq.toString(), abba.toString());
    assertTrue(text.out().contains("verdict: unchecked \u2014 not simulated: the run's simulation budget (1 path and schedule states)"
        + " went to the 1 findings simulated before it (raise it with --simulation-budget)"), text.out());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze", "--simulation-budget=-1", abba.toString()).exit());
  }

  private static List<String> verdicts(String... args) throws IOException {
    String[] all = new String[args.length + 1];
    all[0] = "analyze";
    System.arraycopy(args, 0, all, 1, args.length);
    List<String> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(CliRun.of(all).out()).get("findings")) {
      out.add(f.get("rule").asText() + " " + f.get("verdict").asText());
    }
    return out;
  }
}
