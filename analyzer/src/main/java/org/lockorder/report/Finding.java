package org.lockorder.report;

import java.util.List;

/**
 * One reported problem, the single model every writer renders.
 *
 * @param rule the rule id, e.g. "LO001"
 * @param severity "warning" (fails the run) or "note" (shown, does not fail)
 * @param classes the lock classes of the cycle in canonical rotation (one for LO002)
 * @param file primary location: the acquisition that closes the cycle (with --new-from-rev, the
 *     changed line of the edge that the change touched)
 * @param simulation the simulator's verdict, reason and, when confirmed, the deadlocking schedule
 * @param gatedBy single-instance locks held on every edge, which serialize the threads
 * @param fingerprint stable identity across runs and line shifts ({@link Fingerprint}): SARIF's
 *     partialFingerprints and the baseline key
 * @param review what the pre-merge checks made of it: suppression, baseline state, whether it
 *     fails the run
 */
public record Finding(
    String rule,
    String severity,
    String message,
    List<String> classes,
    String file,
    int line,
    int column,
    Simulation simulation,
    List<String> gatedBy,
    List<ThreadTrace> threads,
    String fingerprint,
    Review review) {

  public Finding {
    classes = List.copyOf(classes);
    gatedBy = List.copyOf(gatedBy);
    threads = List.copyOf(threads);
  }

  /** A finding as the analysis assembles it: fingerprinted, not yet reviewed. */
  public Finding(
      String rule,
      String severity,
      String message,
      List<String> classes,
      String file,
      int line,
      int column,
      Simulation simulation,
      List<String> gatedBy,
      List<ThreadTrace> threads) {
    this(
        rule, severity, message, classes, file, line, column, simulation, gatedBy, threads,
        Fingerprint.of(rule, classes, threads), Review.initial(severity));
  }

  /** The verdict's label: confirmed, not-reproduced, inconclusive or unchecked. */
  @com.fasterxml.jackson.annotation.JsonProperty("verdict")
  public String verdict() {
    return simulation.verdict().label();
  }

  /** The same finding with the simulator's result. */
  public Finding withSimulation(Simulation s) {
    return new Finding(rule, severity, message, classes, file, line, column, s, gatedBy, threads, fingerprint, review);
  }

  /** Whether it fails the run (exit 1), after suppressions, the baseline and --fail-on. */
  public boolean failing() {
    return review.failing();
  }

  public boolean suppressed() {
    return review.suppression() != null;
  }

  public Finding withReview(Review r) {
    return new Finding(rule, severity, message, classes, file, line, column, simulation, gatedBy, threads, fingerprint, r);
  }

  /** The same finding with another primary location. */
  public Finding at(String f, int l, int c) {
    return new Finding(rule, severity, message, classes, f, l, c, simulation, gatedBy, threads, fingerprint, review);
  }
}
