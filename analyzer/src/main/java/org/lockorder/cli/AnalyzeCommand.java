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
import org.lockorder.analysis.PhaseTimes;
import org.lockorder.graph.SearchBounds;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.BaselineEntry;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.RunReview;
import org.lockorder.report.premerge.BaselineFile;
import org.lockorder.report.premerge.ChangeFilter;
import org.lockorder.report.premerge.ChangedLines;
import org.lockorder.report.premerge.Triage;
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
      "Exit codes: 0 no failing findings, 1 failing findings (see --fail-on),",
      "2 usage or config error (including a PATH that does not exist; the other",
      "paths are still analyzed), 3 internal error.",
    })
final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to analyze.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--source-root", paramLabel = "DIR", description = "SARIF: the directory file URIs are relative to (%%SRCROOT%%; default: the current directory).")
  Path sourceRoot;

  @Option(names = "--config", paramLabel = "FILE", description = "A lock-model file declaring more lock primitives (docs/lock-model.md). Repeatable.")
  List<Path> configs = new ArrayList<>();

  @Option(names = "--profile", split = ",", paramLabel = "NAME", description = "Bundled lock-model profiles to use (default: linux,pthread).")
  List<String> profiles = new ArrayList<>(List.of("linux", "pthread"));

  @Option(names = "--per-file", description = "Analyze each file as a program of its own, as the examples in callgraphs/ are meant to be read.")
  boolean perFile;

  @Option(names = "--max-cycle-length", defaultValue = "6", paramLabel = "N", description = "Longest lock-order cycle searched for, in classes (default: ${DEFAULT-VALUE}).")
  int maxCycleLength;

  @Option(names = "--max-cycles", defaultValue = "1000", paramLabel = "N", description = "Most cycles reported before the search stops, shortest first (default: ${DEFAULT-VALUE}).")
  int maxCycles;

  @Option(names = "--max-cycles-per-class", defaultValue = "50", paramLabel = "N", description = "Most cycles reported through any one lock class (default: ${DEFAULT-VALUE}); the summary says how many more a class closes.")
  int maxCyclesPerClass;

  @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: one per core but one, at least one); the summaries use one per core. Output does not depend on either.")
  Integer threads;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep parsed files in DIR between runs, keyed by file content, lock model and build; a changed file is parsed again. Output does not depend on it.")
  Path cacheDir;

  @Option(names = "--summary-memo", description = "With --cache-dir: keep the call graph's summaries between runs too, so that a run after a small change analyzes again only what the change reached (code that only moved is read back). A first run costs more (on Linux 6.1 fs/+mm/ about a quarter more processor time). Output does not depend on it.")
  boolean summaryMemo;

  @Option(names = {"-q", "--quiet"}, description = "No progress display on a terminal, and no summary line on stderr when writing to -o FILE.")
  boolean quiet;

  @Option(names = "--timings", description = "After the run, print the wall time of each phase to stderr (reading and parsing, call graph, summaries, ...): where a long run on a whole tree goes.")
  boolean timings;

  @Option(names = "--no-simulate", description = "Do not run the simulator: every finding's verdict is 'unchecked' (and fails as before verdicts existed).")
  boolean noSimulate;

  @Option(names = "--simulation-budget", paramLabel = "STATES", description = "Path and schedule states the simulator may spend on all findings of a program together (default: ${DEFAULT-VALUE}). Cycles are simulated before interrupt inversions, each first with smaller bounds, then again in full where that was inconclusive; findings left when it is spent are 'unchecked' and say so.")
  long simulationBudget = org.lockorder.sim.SimulationBounds.DEFAULT.runWork();

  @CommandLine.Mixin IncludeDirOptions includeDirs = new IncludeDirOptions();

  @CommandLine.Mixin PreMergeOptions preMerge = new PreMergeOptions();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String problem = usageProblem();
    if (problem != null) {
      err.println("lockorder: error: " + problem);
      return ExitCodes.USAGE_ERROR;
    }
    List<BaselineEntry> baseline = null;
    if (preMerge.baseline != null && !preMerge.updateBaseline) {
      try {
        baseline = BaselineFile.read(preMerge.baseline);
      } catch (BaselineFile.BadBaseline e) {
        err.println(e.getMessage());
        return ExitCodes.USAGE_ERROR;
      }
    }
    ChangedLines changedLines = null;
    if (preMerge.newFromRev != null) {
      try {
        changedLines = GitDiff.changedLines(diffPaths(), preMerge.newFromRev);
      } catch (GitDiff.GitException e) {
        err.println("lockorder: error: --new-from-rev " + preMerge.newFromRev + ": " + e.getMessage());
        return ExitCodes.USAGE_ERROR;
      }
    }
    Report report;
    PhaseTimes times = new PhaseTimes();
    try {
      Pipeline pipeline = new Pipeline(pipelineOptions()).withProgress(TerminalProgress.forConsole(err, quiet)).withTimes(times);
      // Findings outside the change are left out below: they need no simulation.
      ChangedLines inChange = changedLines;
      if (inChange != null) pipeline.simulatingOnly(f -> ChangeFilter.touches(f, inChange));
      report = pipeline.run(paths);
    } catch (LockModelException e) {
      err.println(e.render());
      return ExitCodes.USAGE_ERROR;
    }
    RunReview.ChangeSummary change = null;
    if (changedLines != null) {
      ChangeFilter.Result kept = ChangeFilter.apply(report.findings(), changedLines);
      report = report.withFindings(kept.findings(), report.review());
      change = new RunReview.ChangeSummary(preMerge.newFromRev, kept.outside());
    }
    if (preMerge.updateBaseline) {
      List<Finding> accepted = report.findings().stream().filter(f -> !f.suppressed()).toList();
      try {
        baseline = BaselineFile.write(preMerge.baseline, accepted);
      } catch (IOException e) {
        err.println("lockorder: error: cannot write the baseline " + preMerge.baseline + ": " + reason(e));
        return ExitCodes.USAGE_ERROR;
      }
    }
    report = Triage.apply(
        report, preMerge.effectiveFailOn(), preMerge.failOnNotReproduced, preMerge.includeSuppressed, baseline,
        preMerge.baseline == null ? null : preMerge.baseline.toString(), preMerge.updateBaseline, change);
    int exit = missingPath() ? ExitCodes.USAGE_ERROR : report.failing() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    long writeStart = System.nanoTime();
    if (output == null) {
      write(report, spec.commandLine().getOut(), exit);
    } else {
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
          write(report, w, exit);
        }
      } catch (IOException e) {
        err.println("lockorder: error: cannot write " + output + ": " + reason(e));
        return ExitCodes.USAGE_ERROR;
      }
      for (Diagnostic d : report.diagnostics()) err.println(d);
      if (!quiet) {
        err.printf("lockorder: %d finding(s), %d failing; report written to %s%n", report.findings().size(), report.failing(), output);
      }
    }
    if (timings) {
      times.add("report", System.nanoTime() - writeStart);
      err.print("lockorder: wall time per phase\n" + times.format());
      err.flush();
    }
    return exit;
  }

  /** The paths whose changes --new-from-rev looks at: the analyzed ones and the -I directories their headers come from. */
  private List<String> diffPaths() {
    List<String> all = new ArrayList<>(paths);
    all.addAll(includeDirs.dirs);
    return all;
  }

  /** An I/O failure in words, for a one-line error. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private String usageProblem() {
    if (maxCycleLength < 2 || maxCycles < 1) return "--max-cycle-length must be at least 2 and --max-cycles at least 1";
    if (maxCyclesPerClass < 1) return "--max-cycles-per-class must be at least 1";
    for (String p : profiles) {
      if (!LockModel.bundledProfiles().contains(p)) {
        return "unknown profile '" + p + "'; available: " + String.join(", ", LockModel.bundledProfiles());
      }
    }
    if (sourceRoot != null && !Files.isDirectory(sourceRoot)) return "--source-root " + sourceRoot + " is not a directory";
    if (simulationBudget < 0) return "--simulation-budget must be 0 or more, not " + simulationBudget;
    if (includeDirs.problem() != null) return includeDirs.problem();
    if (summaryMemo && cacheDir == null) return "--summary-memo keeps summaries in the cache: it needs --cache-dir";
    return preMerge.problem();
  }

  PipelineOptions pipelineOptions() {
    PipelineOptions defaults = PipelineOptions.defaults();
    return new PipelineOptions(
        profiles, configs, perFile, new SearchBounds(maxCycleLength, maxCycles, SearchBounds.DEFAULT.maxSteps(), maxCyclesPerClass),
        defaults.maxStatesPerNode(), threads == null ? defaults.threads() : Math.max(1, threads), cacheDir, true,
        simulationBudget)
        .withSimulate(!noSimulate)
        .withIncludeDirs(includeDirs.directories())
        .withSummaryMemo(summaryMemo);
  }

  private void write(Report report, Writer w, int exit) throws IOException {
    format.write(report, w, new ReportFormat.Context(sourceRoot == null ? Path.of("") : sourceRoot, exit));
  }

  private boolean missingPath() {
    for (String p : paths) {
      if (!Files.exists(Path.of(p))) return true;
    }
    return false;
  }
}
