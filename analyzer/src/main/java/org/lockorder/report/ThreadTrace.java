package org.lockorder.report;

import java.util.List;

/**
 * One thread of a finding: it starts at {@code entry}, takes {@code holds} and, still holding it,
 * acquires {@code acquires}.
 *
 * @param entryReason why {@code entry} can start a thread (ops table, thread start, no callers)
 * @param dependency lockdep's dependency type of this edge, e.g. "EN"
 */
public record ThreadTrace(
    String entry,
    String entryReason,
    String holds,
    String holdsMode,
    String acquires,
    String acquiresMode,
    String dependency,
    List<Step> steps) {

  public ThreadTrace {
    steps = List.copyOf(steps);
  }
}
