package org.lockorder.report;

import java.util.List;
import org.lockorder.analysis.AnalysisBounds;
import org.lockorder.source.Diagnostic;

/**
 * Everything one run reports: findings, diagnostics about the input, figures, the lock-order
 * graph and what the pre-merge checks did. Writers render exactly this; nothing in it depends on
 * time or thread count, so the same input gives the same bytes.
 */
public record Report(
    String tool,
    String version,
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    Stats stats,
    LockGraph graph,
    RunReview review) {

  public Report {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
  }

  public Report(String tool, String version, List<Finding> findings, List<Diagnostic> diagnostics, Stats stats) {
    this(tool, version, findings, diagnostics, stats, LockGraph.empty(), RunReview.NONE);
  }

  /**
   * Figures for the run.
   *
   * @param unresolvedClasses member-lock classes whose owning struct is unknown ("?.lock"); they
   *     are left out of the lock-order graph
   * @param boundedFunctions functions where a bound cut the analysis (too many held-lock states at
   *     one point, too many exit effects, or a recursion that did not settle), so some paths there
   *     were not followed
   * @param bounds the same, by bound ({@code bounds.functions()} is {@code boundedFunctions}, which
   *     stays for JSON readers of earlier versions)
   * @param cycleSearch how the bounded cycle search went
   * @param lockAcquisitions lock acquisitions the lock model recognised in the parsed code (calls of
   *     acquiring primitives, before any call-graph reasoning)
   */
  public record Stats(
      int files,
      long lines,
      int functionBodies,
      int functionBodiesParsed,
      int functions,
      int lockClasses,
      int lockOrderEdges,
      int unresolvedClasses,
      int boundedFunctions,
      AnalysisBounds bounds,
      CycleSearchStats cycleSearch,
      int lockAcquisitions) {}

  /**
   * @param truncated whether a bound stopped the search
   * @param reason the bound that stopped it, or null
   */
  public record CycleSearchStats(int maxLength, int maxCycles, boolean truncated, String reason) {}

  public long failing() {
    return findings.stream().filter(Finding::failing).count();
  }

  public Report withFindings(List<Finding> f, RunReview r) {
    return new Report(tool, version, f, diagnostics, stats, graph, r);
  }

  public Report withGraph(LockGraph g) {
    return new Report(tool, version, findings, diagnostics, stats, g, review);
  }

  public Report withDiagnostics(List<Diagnostic> d) {
    return new Report(tool, version, findings, d, stats, graph, review);
  }
}
