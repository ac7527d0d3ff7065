package org.lockorder.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lockorder.analysis.AnalysisBounds;
import org.lockorder.analysis.AnalysisResult;
import org.lockorder.analysis.Analyzer;
import org.lockorder.analysis.MacroConstants;
import org.lockorder.analysis.LockApiLowering;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.analysis.PhaseTimes;
import org.lockorder.analysis.SummaryMemo;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.frontend.c.LockMacros;
import org.lockorder.graph.CycleSearchResult;
import org.lockorder.graph.LockOrderGraph;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.report.Finding;
import org.lockorder.report.FindingAssembler;
import org.lockorder.sim.SimulationBounds;
import org.lockorder.sim.Simulator;
import org.lockorder.report.GraphAssembler;
import org.lockorder.report.LockGraph;
import org.lockorder.report.Report;
import org.lockorder.report.premerge.SuppressionMarker;
import org.lockorder.report.premerge.SuppressionScanner;
import org.lockorder.report.premerge.Suppressions;
import org.lockorder.source.Diagnostic;
import org.lockorder.source.InputFile;
import org.lockorder.source.SourceReader;
import org.lockorder.source.SourceText;
import org.lockorder.source.SourceWalker;

/**
 * The whole run, in pipeline order: find files → read → parse (in parallel) → lower lock calls
 * through the lock model → interprocedural analysis → lock-order graph and strong cycles →
 * findings. One bad file becomes diagnostics; the others are still analyzed.
 */
public final class Pipeline {
  private final PipelineOptions options;
  private Progress progress = Progress.NONE;
  private PhaseTimes times = new PhaseTimes();
  /** Set when a file's bytes differ from those its run-cache key was computed from. */
  private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();

  public Pipeline(PipelineOptions options) {
    this.options = options;
  }

  /** Adds the wall time of each phase to {@code t} (--timings). */
  public Pipeline withTimes(PhaseTimes t) {
    this.times = t;
    return this;
  }

  /** Reports progress to {@code p} while running. */
  public Pipeline withProgress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Which findings the simulator runs; null for all. */
  private java.util.function.Predicate<Finding> simulated;

  /**
   * Simulates only the findings {@code which} selects; the others keep no verdict. For a caller
   * that reports those alone (--new-from-rev): the simulation of the rest would be thrown away,
   * and they would spend the run's simulation budget. Such a run's report is not cached.
   */
  public Pipeline simulatingOnly(java.util.function.Predicate<Finding> which) {
    this.simulated = which;
    return this;
  }

  /** The analyzed program of {@code paths} (null when no file parsed) and the diagnostics on the way. */
  public record Program(AnalysisResult result, List<Diagnostic> diagnostics) {}

  /**
   * Reads, parses and analyzes {@code paths} as one program, without looking for findings: what
   * {@code lockorder simulate} runs its threads on.
   */
  public Program program(List<String> paths) throws LockModelException {
    Inputs in = read(paths, false);
    try {
      AnalysisResult result = in.units.isEmpty() ? null : new Analyzer(options.maxStatesPerNode(), options.analysisThreads()).withConstants(in.constants).withMemo(memo(in)).analyze(in.units, in.base);
      return new Program(result, in.diagnostics);
    } finally {
      if (in.memoFile != null) {
        in.memoFile.writeInBackground();
        in.memoFile.awaitWrite();
      }
      if (in.cache != null) in.cache.awaitWrites();
    }
  }

  /**
   * Every file read, parsed and lowered, with what the report counts about them; or, when the
   * cache holds the whole run's report for exactly these files and settings, that report alone.
   *
   * @param cache the content cache (--cache-dir), or null
   * @param runKey the whole run's cache key, or null when the run is not cached
   */
  private record Inputs(
      LockModel base, int files, List<TranslationUnit> units, List<Diagnostic> diagnostics,
      List<SuppressionMarker> suppressions, long lines, int bodies, int bodiesParsed, ParseCache cache, String runKey,
      Report cached, MacroConstants constants, SummaryMemo memo, SummaryMemoFile memoFile) {

    static Inputs hit(Report cached) {
      return new Inputs(null, 0, List.of(), List.of(), List.of(), 0, 0, 0, null, null, cached, MacroConstants.NONE, null, null);
    }
  }

  /** The summary memo, unless a file changed while it was read (its key would not be its content's). */
  private SummaryMemo memo(Inputs in) {
    return in.memo == null || changed.get() ? null : in.memo;
  }

  /** @param useRunCache whether a cached whole-run report may stand in for the files */
  private Inputs read(List<String> paths, boolean useRunCache) throws LockModelException {
    long start = System.nanoTime();
    LockModel base = LockModel.load(options.profiles(), options.configs());
    SourceWalker.Result walked = leaveOutAlternatives(new SourceWalker().walk(paths, options.includeDirs()), base);
    Map<List<Path>, LockModel> models = new HashMap<>();
    for (InputFile f : walked.files()) {
      if (!models.containsKey(f.configs())) {
        List<Path> all = new ArrayList<>(f.configs());
        all.addAll(options.configs());
        models.put(f.configs(), f.configs().isEmpty() ? base : LockModel.load(options.profiles(), all));
      }
    }
    times.add("lock model and files", System.nanoTime() - start);
    ParseCache cache = options.cacheDir() == null ? null : new ParseCache(options.cacheDir());
    // The report is looked up before the headers are scanned for macros: the macros are made from
    // the files and the lock models alone, which the content keys already cover.
    List<String> contentKeys = cache == null ? null : times.time("cache keys", () -> contentKeys(walked.files(), models, cache));
    String runKey = !useRunCache || contentKeys == null || contentKeys.contains(null) ? null : cache.runKey(contentKeys, settings(base, walked));
    if (runKey != null) {
      Report hit = times.time("cached report", () -> cache.getReport(runKey));
      if (hit != null) return Inputs.hit(hit);
    }
    HeaderMacros.Headers headers =
        times.time("lock macros from headers", () -> HeaderMacros.collect(walked.files(), models.values(), options.threads()));
    Map<LockModel, LockMacros> macros = headers.lockMacros();
    List<String> fileKeys = contentKeys == null ? null : parseKeys(walked.files(), contentKeys, models, macros, cache);
    // Read beside the parse: the memo of the last run over these inputs and settings (ADR-009).
    SummaryMemoFile memoFile = !options.summaryMemo() || fileKeys == null || fileKeys.contains(null)
        ? null
        : new SummaryMemoFile(cache.memoFile(paths, settings(base, walked)));
    List<ParsedFile> parsed = times.time("parse", () -> parseAll(walked.files(), models, macros, cache, fileKeys));
    if (cache != null) cache.writeInBackground();
    List<Diagnostic> diagnostics = new ArrayList<>(walked.diagnostics());
    long lines = 0;
    int bodies = 0;
    int bodiesParsed = 0;
    List<TranslationUnit> units = new ArrayList<>();
    List<SuppressionMarker> suppressions = new ArrayList<>();
    for (ParsedFile p : parsed) {
      diagnostics.addAll(p.diagnostics());
      suppressions.addAll(p.suppressions());
      lines += p.lines();
      if (p.unit() == null) continue;
      units.add(p.unit());
      bodies += p.unit().stats().functionBodies();
      bodiesParsed += p.unit().stats().functionBodiesParsed();
    }
    diagnostics.sort(Comparator.naturalOrder());
    SummaryMemo memo = null;
    if (memoFile != null) {
      Map<String, SummaryMemo.UnitKeys> unitKeys = new HashMap<>();
      for (int i = 0; i < parsed.size(); i++) {
        ParsedFile p = parsed.get(i);
        if (p.unit() != null && p.declarations() != null) unitKeys.put(p.unit().file(), new SummaryMemo.UnitKeys(fileKeys.get(i), p.declarations(), p.functions()));
      }
      memo = new SummaryMemo(memoFile, unitKeys, cache.build() + "\n" + String.join("\n", settings(base, walked)));
    }
    return new Inputs(
        base, walked.files().size(), units, diagnostics, suppressions, lines, bodies, bodiesParsed, cache, runKey, null,
        headers.constants(), memo, memoFile);
  }

  /**
   * The walked files without those the lock model says a kernel never builds together with
   * another input file ({@link org.lockorder.model.Alternative}: one slab allocator), each left
   * out with a note saying which file it gives way to.
   */
  private static SourceWalker.Result leaveOutAlternatives(SourceWalker.Result walked, LockModel model) {
    if (model.alternatives().isEmpty()) return walked;
    List<InputFile> kept = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(walked.diagnostics());
    for (InputFile f : walked.files()) {
      String builtInstead = null;
      for (org.lockorder.model.Alternative a : model.alternatives()) {
        if (a.drop().stream().noneMatch(d -> org.lockorder.model.Alternative.matches(f.displayPath(), d))) continue;
        if (walked.files().stream().anyMatch(g -> org.lockorder.model.Alternative.matches(g.displayPath(), a.keep()))) {
          builtInstead = a.keep();
          break;
        }
      }
      if (builtInstead == null) {
        kept.add(f);
      } else {
        diagnostics.add(new Diagnostic(f.displayPath(), 1, 1, Diagnostic.Severity.NOTE,
            "not analyzed: a kernel builds this or " + builtInstead + ", never both (the lock model's alternatives)"));
      }
    }
    return new SourceWalker.Result(kept, diagnostics);
  }

  /**
   * Analyzes {@code paths}.
   *
   * @throws LockModelException when a lock-model file is unusable (a usage error)
   */
  public Report run(List<String> paths) throws LockModelException {
    Inputs in = read(paths, true);
    if (in.cached != null) {
      progress.finish();
      return in.cached;
    }
    try {
      return analyze(in);
    } finally {
      if (in.memoFile != null) {
        times.time("waiting for cache writes", () -> {
          in.memoFile.writeInBackground();
          in.memoFile.awaitWrite();
          return null;
        });
      }
      // Usually done long before: the parse cache is written beside the analysis.
      if (in.cache != null) {
        times.time("waiting for cache writes", () -> {
          in.cache.awaitWrites();
          return null;
        });
      }
    }
  }

  private Report analyze(Inputs in) {
    String runKey = in.runKey;
    ParseCache cache = in.cache;
    LockModel base = in.base;
    List<TranslationUnit> units = in.units;
    List<Diagnostic> diagnostics = in.diagnostics;
    List<List<TranslationUnit>> programs = new ArrayList<>();
    if (options.perFile()) {
      for (TranslationUnit u : units) programs.add(List.of(u));
    } else if (!units.isEmpty()) {
      programs.add(units);
    }
    List<Finding> findings = new ArrayList<>();
    int functions = 0;
    int classes = 0;
    int edges = 0;
    boolean truncated = false;
    String reason = null;
    java.util.Set<String> unresolved = new java.util.TreeSet<>();
    AnalysisBounds bounds = AnalysisBounds.NONE;
    List<LockGraph.Program> graphs = new ArrayList<>();
    progress.stage("analyzing", programs.size());
    for (List<TranslationUnit> program : programs) {
      AnalysisResult result = new Analyzer(options.maxStatesPerNode(), options.analysisThreads()).withTimes(times).withConstants(in.constants).withMemo(memo(in)).analyze(program, base);
      List<LockOrderEdge> ordered = new ArrayList<>();
      for (LockOrderEdge e : result.edges()) {
        if (e.from().resolved() && e.to().resolved()) {
          ordered.add(e);
        } else {
          if (!e.from().resolved()) unresolved.add(e.from().toString());
          if (!e.to().resolved()) unresolved.add(e.to().toString());
        }
      }
      LockOrderGraph graph = times.time("lock-order graph and cycle search", () -> new LockOrderGraph(ordered));
      CycleSearchResult cycles = times.time("lock-order graph and cycle search", () -> graph.strongCycles(options.bounds()));
      List<Finding> assembled = times.time("findings", () ->
          new FindingAssembler(result.entryReasons())
              .assemble(cycles.cycles(), graph.selfEdges(), graph.irqInversions(result.irqUsages())));
      List<Finding> found = !options.simulate() ? assembled : times.time("simulation", () -> simulate(result, assembled));
      findings.addAll(found);
      graphs.add(GraphAssembler.program(options.perFile() ? program.get(0).file() : "program", graph, found));
      functions += result.functions();
      classes += result.classes();
      edges += result.edges().size();
      bounds = bounds.plus(result.bounds());
      progress.advance(graphs.size());
      if (cycles.truncated() && !truncated) {
        truncated = true;
        reason = cycles.reason();
      }
    }
    progress.finish();
    Report.Stats stats =
        new Report.Stats(
            in.files, in.lines, in.bodies, in.bodiesParsed, functions, classes, edges, unresolved.size(), bounds.functions(), bounds,
            new Report.CycleSearchStats(options.bounds().maxLength(), options.bounds().maxCycles(), truncated, reason),
            acquisitions(units));
    Report report = new Report("lockorder", Version.get(), Suppressions.apply(findings, in.suppressions), diagnostics, stats)
        .withGraph(new LockGraph(graphs));
    if (runKey != null && !changed.get() && simulated == null) cache.putReport(runKey, report);
    return report;
  }

  /** The findings with their simulations: all of them, or those {@link #simulatingOnly} selects. */
  private List<Finding> simulate(AnalysisResult result, List<Finding> assembled) {
    Simulator simulator = new Simulator(result.program(), SimulationBounds.DEFAULT.withRunWork(options.simulationBudget()));
    if (simulated == null) return simulator.simulateAll(assembled);
    java.util.Iterator<Finding> done = simulator.simulateAll(assembled.stream().filter(simulated).toList()).iterator();
    List<Finding> out = new ArrayList<>(assembled.size());
    for (Finding f : assembled) out.add(simulated.test(f) ? done.next() : f);
    return out;
  }

  /**
   * Per file, a digest of its bytes, its path and its lock model (null for a file that cannot be
   * read: its diagnostics come from reading it): with the run's settings, the whole run's key.
   * Read on all threads.
   */
  private List<String> contentKeys(List<InputFile> files, Map<List<Path>, LockModel> models, ParseCache cache) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (InputFile f : files) {
        String model = modelSettings(models.get(f.configs()), options.summaryMemo());
        futures.add(pool.submit(() -> {
          try {
            return cache.key(f.displayPath(), model, java.nio.file.Files.readAllBytes(f.path()));
          } catch (java.io.IOException | RuntimeException e) {
            return null;
          }
        }));
      }
      List<String> keys = new ArrayList<>();
      for (Future<String> k : futures) keys.add(k.get());
      return keys;
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a run's report depends on besides its files: the options, the base lock model, the walk's diagnostics. */
  private List<String> settings(LockModel base, SourceWalker.Result walked) {
    List<String> out = new ArrayList<>();
    out.add("profiles=" + options.profiles());
    out.add("configs=" + options.configs());
    out.add("model=" + base.fingerprint());
    out.add("perFile=" + options.perFile());
    out.add("bounds=" + options.bounds());
    out.add("maxStatesPerNode=" + options.maxStatesPerNode());
    out.add("simulate=" + options.simulate());
    out.add("simulationBudget=" + options.simulationBudget());
    for (Diagnostic d : walked.diagnostics()) out.add("walk=" + d);
    return out;
  }

  /** Acquiring calls in the source: by location, as the CFG may lower a statement twice (CountedLoops). */
  private static int acquisitions(List<TranslationUnit> units) {
    int n = 0;
    for (TranslationUnit u : units) {
      for (org.lockorder.ir.Function f : u.functions()) {
        java.util.Set<org.lockorder.ir.Location> sites = new java.util.HashSet<>();
        for (org.lockorder.ir.Node node : f.cfg().nodes()) {
          if (node.event() instanceof org.lockorder.ir.Event.Acquire a) sites.add(a.location());
        }
        n += sites.size();
      }
    }
    return n;
  }

  /**
   * What parsing a file depends on besides its bytes and the headers' lock macros ({@link
   * ParseCache#withMacros}): the lock model, and whether the summary memo's digests are taken.
   */
  private static String modelSettings(LockModel model, boolean digests) {
    return model.fingerprint() + (digests ? " memo" : "");
  }

  /** Per file, its parse-cache key: its content key and the macros its lock model expands (null where the content key is). */
  private static List<String> parseKeys(
      List<InputFile> files, List<String> contentKeys, Map<List<Path>, LockModel> models, Map<LockModel, LockMacros> macros,
      ParseCache cache) {
    List<String> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      String content = contentKeys.get(i);
      out.add(content == null ? null : cache.withMacros(content, macros.get(models.get(files.get(i).configs())).fingerprint()));
    }
    return out;
  }

  private List<ParsedFile> parseAll(
      List<InputFile> files, Map<List<Path>, LockModel> models, Map<LockModel, LockMacros> macros, ParseCache cache,
      List<String> fileKeys) {
    CFrontend frontend = new CFrontend(java.util.Set.of());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<ParsedFile>> futures = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        InputFile f = files.get(i);
        LockModel model = models.get(f.configs());
        LockApiLowering lowering = new LockApiLowering(model);
        String key = fileKeys == null ? null : fileKeys.get(i);
        LockMacros lockMacros = macros.get(model);
        boolean digests = options.summaryMemo();
        futures.add(pool.submit(() -> cache == null
            ? parseOne(f, frontend, lowering, lockMacros, false)
            : parseCached(f, frontend, lowering, lockMacros, cache, modelSettings(model, digests), key, digests)));
      }
      List<ParsedFile> out = new ArrayList<>();
      progress.stage("parsing", futures.size());
      for (int i = 0; i < futures.size(); i++) {
        progress.advance(i);
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          String name = files.get(i).displayPath();
          out.add(new ParsedFile(name, null, List.of(internalError(name, e.getCause())), 0));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      out.sort(Comparator.comparing(ParsedFile::displayPath));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@link #parseOne} through the cache: a file whose bytes, model, macros and build are unchanged
   * is not parsed again.
   *
   * @param settings the lock model's part of the key ({@link #modelSettings})
   */
  private ParsedFile parseCached(
      InputFile f, CFrontend frontend, LockApiLowering lowering, LockMacros macros, ParseCache cache, String settings,
      String knownKey, boolean digests) {
    if (knownKey != null) {
      ParsedFile hit = cache.get(knownKey);
      if (hit != null) return hit;
    }
    byte[] content;
    try {
      content = java.nio.file.Files.readAllBytes(f.path());
    } catch (java.io.IOException | RuntimeException e) {
      if (knownKey != null) changed.set(true);
      return parseOne(f, frontend, lowering, macros, digests); // the reader reports the problem
    }
    String key = cache.withMacros(cache.key(f.displayPath(), settings, content), macros.fingerprint());
    if (knownKey != null && !knownKey.equals(key)) changed.set(true); // edited during the run
    ParsedFile hit = cache.get(key);
    if (hit != null) return hit;
    ParsedFile parsed = parseOne(f, frontend, lowering, macros, digests);
    cache.put(key, parsed);
    return parsed;
  }

  /** @param digests whether to take the summary memo's digests of the unit (ADR-009) */
  private static ParsedFile parseOne(
      InputFile f, CFrontend frontend, LockApiLowering lowering, LockMacros macros, boolean digests) {
    SourceReader.Result read = new SourceReader().read(f);
    List<Diagnostic> diags = new ArrayList<>(read.diagnostics());
    SourceText text = read.text();
    if (text == null) return new ParsedFile(f.displayPath(), null, diags, 0);
    SuppressionScanner.Result suppressions = SuppressionScanner.scan(text);
    diags.addAll(suppressions.diagnostics());
    try {
      TranslationUnit tu = lowering.lower(frontend.parse(text, macros));
      diags.addAll(tu.diagnostics());
      return new ParsedFile(
          f.displayPath(), tu, diags, tu.stats().lines(), suppressions.markers(),
          digests ? DeclarationDigest.of(tu) : null, digests ? DeclarationDigest.ofFunctions(tu) : List.of());
    } catch (RuntimeException | StackOverflowError e) {
      diags.add(internalError(f.displayPath(), e));
      return new ParsedFile(f.displayPath(), null, diags, 0);
    }
  }

  private static Diagnostic internalError(String file, Throwable e) {
    return Diagnostic.error(file, 1, 1, "internal error while analyzing this file (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); file skipped");
  }
}
