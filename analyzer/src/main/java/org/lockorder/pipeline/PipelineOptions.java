package org.lockorder.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.lockorder.graph.SearchBounds;
import org.lockorder.source.IncludedHeaders;

/**
 * How to run the pipeline.
 *
 * @param profiles bundled lock-model profiles to load ("linux", "pthread")
 * @param configs user lock-model files, applied after the profiles and any lockorder.yaml
 * @param perFile analyze each file as a program of its own (example corpora) instead of all
 *     files as one program
 * @param threads parser threads; output does not depend on it
 * @param cacheDir where parsed files are kept between runs (keyed by content), or null for none
 * @param simulate run the simulator on every finding (false: verdicts stay "unchecked")
 * @param simulationBudget path and schedule states the simulator may spend on one program's
 *     findings together ({@link org.lockorder.sim.SimulationBounds#runWork})
 * @param includeDirs header directories, as with {@code cc -I}: a header under one is analyzed
 *     when an analyzed file includes it, directly or through other headers
 * @param summaryMemo with a cache directory, keep the call graph's summaries between runs too
 *     (ADR-009)
 */
public record PipelineOptions(
    List<String> profiles,
    List<Path> configs,
    boolean perFile,
    SearchBounds bounds,
    int maxStatesPerNode,
    int threads,
    Path cacheDir,
    boolean simulate,
    long simulationBudget,
    List<IncludedHeaders.Directory> includeDirs,
    boolean summaryMemo) {

  public PipelineOptions {
    profiles = List.copyOf(profiles);
    configs = List.copyOf(configs);
    includeDirs = List.copyOf(includeDirs);
  }

  public PipelineOptions(
      List<String> profiles, List<Path> configs, boolean perFile, SearchBounds bounds, int maxStatesPerNode, int threads,
      Path cacheDir, boolean simulate, long simulationBudget) {
    this(profiles, configs, perFile, bounds, maxStatesPerNode, threads, cacheDir, simulate, simulationBudget, List.of(), false);
  }

  public PipelineOptions(
      List<String> profiles, List<Path> configs, boolean perFile, SearchBounds bounds, int maxStatesPerNode, int threads) {
    this(profiles, configs, perFile, bounds, maxStatesPerNode, threads, null, true,
        org.lockorder.sim.SimulationBounds.DEFAULT.runWork());
  }

  public PipelineOptions withCacheDir(Path dir) {
    return new PipelineOptions(profiles, configs, perFile, bounds, maxStatesPerNode, threads, dir, simulate, simulationBudget, includeDirs, summaryMemo);
  }

  public static PipelineOptions defaults() {
    return new PipelineOptions(
        List.of("linux", "pthread"), List.of(), false, SearchBounds.DEFAULT, 64, defaultThreads());
  }

  /**
   * One parser thread per core but one: while the parsers run, the JVM is cold and its JIT
   * compiler threads and the collector need a core too. On Linux 6.1 fs/+mm/ on 2 cores, one
   * parser thread took 20.3 s and two 23.3 s (stop 20; 20.0 s against 23.3 s at stop 16).
   */
  static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * Threads for the summaries: one per core. By then the JIT compiler has done most of its work
   * and the second core is otherwise idle (stop 22). The result does not depend on it.
   */
  public int analysisThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  public PipelineOptions withPerFile(boolean value) {
    return new PipelineOptions(profiles, configs, value, bounds, maxStatesPerNode, threads, cacheDir, simulate, simulationBudget, includeDirs, summaryMemo);
  }

  public PipelineOptions withSimulationBudget(long value) {
    return new PipelineOptions(profiles, configs, perFile, bounds, maxStatesPerNode, threads, cacheDir, simulate, value, includeDirs, summaryMemo);
  }

  public PipelineOptions withIncludeDirs(List<IncludedHeaders.Directory> dirs) {
    return new PipelineOptions(profiles, configs, perFile, bounds, maxStatesPerNode, threads, cacheDir, simulate, simulationBudget, dirs, summaryMemo);
  }

  public PipelineOptions withSummaryMemo(boolean value) {
    return new PipelineOptions(profiles, configs, perFile, bounds, maxStatesPerNode, threads, cacheDir, simulate, simulationBudget, includeDirs, value);
  }

  public PipelineOptions withSimulate(boolean value) {
    return new PipelineOptions(profiles, configs, perFile, bounds, maxStatesPerNode, threads, cacheDir, value, simulationBudget, includeDirs, summaryMemo);
  }
}
