package org.lockorder.report.sarif;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.report.Finding;

/**
 * The order in which a finding's steps run, across its threads, as SARIF's executionOrder
 * (1, 2, 3, … over the whole code flow).
 *
 * <p>Until the simulator produces a schedule, the order is the order of the finding's threads
 * and, within each, of its steps: thread 1 from entry to its last acquisition, then thread 2, and
 * so on. When findings carry a schedule (issue 4), this is the one place that turns it into
 * execution orders; the writers need no other change.
 */
final class ExecutionOrder {
  private ExecutionOrder() {}

  /** {@code of(f).get(t)[s]}: the execution order of step s of thread t. */
  static List<int[]> of(Finding f) {
    List<int[]> out = new ArrayList<>();
    int next = 1;
    for (var t : f.threads()) {
      int[] order = new int[t.steps().size()];
      for (int s = 0; s < order.length; s++) order[s] = next++;
      out.add(order);
    }
    return out;
  }
}
