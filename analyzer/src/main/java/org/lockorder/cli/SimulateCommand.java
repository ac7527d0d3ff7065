package org.lockorder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.report.Simulation;
import org.lockorder.report.Timeline;
import org.lockorder.sim.EntrySimulation;
import org.lockorder.sim.SimulationBounds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lockorder simulate}: can these entry functions, run as threads, deadlock? */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run chosen functions as threads against each other and say whether they can deadlock, with the schedule.",
      "Each thread takes every path through its function whose lock operations differ (both sides of every",
      "branch, up to a bound). Example: simulate --thread vfs_write --thread freeze_super --thread handle_mm_fault fs/ mm/",
    },
    footer = {
      "",
      "Exit codes: 0 no deadlock, 1 deadlock (confirmed), 2 usage or config error, 3 a bound stopped the search.",
    })
final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--thread", required = true, paramLabel = "FUNCTION", description = "A function to run as a thread. Repeatable; the same function twice is two threads.")
  List<String> threads = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-states", defaultValue = "200000", paramLabel = "N", description = "Scheduler states per path combination (default: ${DEFAULT-VALUE}).")
  int maxStates;

  @CommandLine.Mixin ProgramInput input = new ProgramInput();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) return usage(err, "--format must be text or json, not '" + format + "'");
    Pipeline.Program program = input.load(err, null);
    if (program == null) return ExitCodes.USAGE_ERROR;
    SimulationBounds d = SimulationBounds.DEFAULT;
    Simulation s;
    try {
      s = new EntrySimulation(program.result().program(), d.withStates(maxStates))
          .run(threads);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (format.equals("json")) {
      try {
        out.print(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s).replace("\r\n", "\n"));
        out.println();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.printf("verdict: %s — %s%n", s.verdict().label(), s.reason());
      for (Simulation.SimulatedThread t : s.threads()) out.printf("  %s: %s (%s)%n", t.name(), t.entry(), t.role());
      for (String line : Timeline.lines(s)) out.println("  " + line);
    }
    out.flush();
    return switch (s.verdict()) {
      case CONFIRMED -> ExitCodes.FINDINGS;
      case INCONCLUSIVE -> ExitCodes.INTERNAL_ERROR;
      default -> ExitCodes.OK;
    };
  }

  private static int usage(PrintWriter err, String message) {
    err.println("lockorder: error: " + message);
    return ExitCodes.USAGE_ERROR;
  }
}
