package org.lockorder.report;

import java.util.List;

/**
 * One reported problem, the single model every writer renders.
 *
 * @param rule the rule id, e.g. "LO001"
 * @param severity "warning" (fails the run) or "note" (shown, does not fail)
 * @param classes the lock classes of the cycle in canonical rotation (one for LO002)
 * @param file primary location: the acquisition that closes the cycle
 * @param verdict "unchecked" until a simulator checks findings
 * @param gatedBy single-instance locks held on every edge, which serialize the threads
 */
public record Finding(
    String rule,
    String severity,
    String message,
    List<String> classes,
    String file,
    int line,
    int column,
    String verdict,
    List<String> gatedBy,
    List<ThreadTrace> threads) {

  public Finding {
    classes = List.copyOf(classes);
    gatedBy = List.copyOf(gatedBy);
    threads = List.copyOf(threads);
  }

  public boolean failing() {
    return severity.equals("warning");
  }
}
