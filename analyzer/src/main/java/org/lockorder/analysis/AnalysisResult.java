package org.lockorder.analysis;

import java.util.List;
import java.util.Map;

/**
 * What the analysis found: the lock-order edges with witnesses, why each witness's entry point can
 * start a thread, and figures for the run.
 *
 * @param entryReasons entry function name → why it can start a thread
 * @param bounds where bounds cut the held-lock analysis
 * @param irqUsages lockdep's interrupt usage states of classes, with witnesses (empty when the
 *     program registers no interrupt handler)
 * @param program the analyzed program, for the simulator (functions, call targets, class naming)
 */
public record AnalysisResult(
    List<LockOrderEdge> edges,
    Map<String, String> entryReasons,
    int functions,
    int classes,
    AnalysisBounds bounds,
    List<IrqUsage> irqUsages,
    ProgramView program) {

  public AnalysisResult {
    edges = List.copyOf(edges);
    entryReasons = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(entryReasons));
    irqUsages = List.copyOf(irqUsages);
  }
}
