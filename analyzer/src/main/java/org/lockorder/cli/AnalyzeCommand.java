package org.lockorder.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lockorder.graph.SearchBounds;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.JsonWriter;
import org.lockorder.report.Report;
import org.lockorder.report.TextWriter;
import org.lockorder.source.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockorder analyze}: runs the pipeline on files and directories and writes the report. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze C files and directories (walked recursively for *.c and *.h) for lock-order deadlocks.",
      "A lockorder.yaml in an analyzed directory adds lock-model entries for the files beneath it.",
    },
    footer = {
      "",
      "Exit codes: 0 no failing findings, 1 failing findings, 2 usage or config error (including a PATH",
      "that does not exist; the other paths are still analyzed), 3 internal error.",
    })
final class AnalyzeCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to analyze.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--config", paramLabel = "FILE", description = "A lock-model file declaring more lock primitives (docs/lock-model.md). Repeatable.")
  List<Path> configs = new ArrayList<>();

  @Option(names = "--profile", split = ",", paramLabel = "NAME", description = "Bundled lock-model profiles to use (default: linux,pthread).")
  List<String> profiles = new ArrayList<>(List.of("linux", "pthread"));

  @Option(names = "--per-file", description = "Analyze each file as a program of its own, as the examples in callgraphs/ are meant to be read.")
  boolean perFile;

  @Option(names = "--max-cycle-length", defaultValue = "6", paramLabel = "N", description = "Longest lock-order cycle searched for, in classes (default: ${DEFAULT-VALUE}).")
  int maxCycleLength;

  @Option(names = "--max-cycles", defaultValue = "1000", paramLabel = "N", description = "Most cycles reported before the search stops (default: ${DEFAULT-VALUE}).")
  int maxCycles;

  @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores). Output does not depend on it.")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (maxCycleLength < 2 || maxCycles < 1) {
      err.println("lockorder: error: --max-cycle-length must be at least 2 and --max-cycles at least 1");
      return ExitCodes.USAGE_ERROR;
    }
    for (String p : profiles) {
      if (!LockModel.bundledProfiles().contains(p)) {
        err.println("lockorder: error: unknown profile '" + p + "'; available: " + String.join(", ", LockModel.bundledProfiles()));
        return ExitCodes.USAGE_ERROR;
      }
    }
    PipelineOptions defaults = PipelineOptions.defaults();
    PipelineOptions options =
        new PipelineOptions(
            profiles, configs, perFile, new SearchBounds(maxCycleLength, maxCycles, SearchBounds.DEFAULT.maxSteps()),
            defaults.maxStatesPerNode(), threads == null ? defaults.threads() : Math.max(1, threads));
    Report report;
    try {
      report = new Pipeline(options).run(paths);
    } catch (LockModelException e) {
      err.println(e.render());
      return ExitCodes.USAGE_ERROR;
    }
    if (output == null) {
      write(report, spec.commandLine().getOut());
    } else {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
        write(report, w);
      }
      for (Diagnostic d : report.diagnostics()) err.println(d);
      err.printf("lockorder: %d finding(s), %d failing; report written to %s%n", report.findings().size(), report.failing(), output);
    }
    if (missingPath(report)) return ExitCodes.USAGE_ERROR;
    return report.failing() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private void write(Report report, Writer w) throws IOException {
    if (format == Format.json) {
      new JsonWriter().write(report, w);
    } else {
      new TextWriter().write(report, w instanceof PrintWriter pw ? pw : new PrintWriter(w));
    }
  }

  private boolean missingPath(Report report) {
    for (String p : paths) {
      if (!Files.exists(Path.of(p))) return true;
    }
    return false;
  }
}
