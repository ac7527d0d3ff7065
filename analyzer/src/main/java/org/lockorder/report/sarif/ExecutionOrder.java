package org.lockorder.report.sarif;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.ThreadTrace;

/**
 * The order in which a finding's witness steps run, across its threads, as SARIF's
 * executionOrder (over the whole code flow; equal numbers are steps that run together).
 *
 * <p>With a schedule (a confirmed deadlock), schedule step <i>k</i> runs at order <i>k</i> (1-based),
 * and each witness step takes the order of the scheduled step it leads up to: the entry and calls
 * before the held acquisition run with that acquisition; the calls after it with the thread's next
 * scheduled step, ending with the step where it blocks. A witness thread the schedule never runs
 * comes after the whole schedule. Without a schedule, the order is the finding's threads one after
 * another, each from its entry to its last acquisition: a reading order, not an interleaving.
 */
final class ExecutionOrder {
  private ExecutionOrder() {}

  /** {@code of(f).get(t)[s]}: the execution order of step s of witness thread t. */
  static List<int[]> of(Finding f) {
    Simulation sim = f.simulation();
    List<int[]> out = new ArrayList<>();
    int next = sim.schedule().size() + 1;
    for (int t = 0; t < f.threads().size(); t++) {
      int[] order = new int[f.threads().get(t).steps().size()];
      int column = sim.schedule().isEmpty() ? -1 : column(sim, t);
      if (column < 0 || !fromSchedule(sim.schedule(), column, order)) {
        for (int s = 0; s < order.length; s++) order[s] = next++;
      }
      out.add(order);
    }
    return out;
  }

  /** The simulated thread that re-executes witness thread t, or -1. */
  static int column(Simulation sim, int t) {
    for (int c = 0; c < sim.threads().size(); c++) if (sim.threads().get(c).witness() == t) return c;
    return -1;
  }

  /**
   * Whether {@code column} has no witness flow of its own: a thread the simulator added, or a
   * second run of a witness another column already re-executes (two instances of one class, LO002).
   */
  static boolean added(Finding f, int column) {
    int w = f.simulation().threads().get(column).witness();
    return w < 0 || w >= f.threads().size() || column(f.simulation(), w) != column;
  }

  /**
   * Fills {@link ThreadTrace#steps}' orders from the schedule steps of {@code column}; false when
   * the schedule has no step of that thread.
   */
  private static boolean fromSchedule(List<ScheduleStep> schedule, int column, int[] order) {
    List<Integer> positions = new ArrayList<>();
    for (int k = 0; k < schedule.size(); k++) if (schedule.get(k).thread() == column) positions.add(k);
    if (positions.isEmpty()) return false;
    int covered = -1;
    int lastLinked = -1;
    for (int i = 0; i < positions.size(); i++) {
      int ws = schedule.get(positions.get(i)).witnessStep();
      if (ws < 0) continue;
      // Everything up to the linked step leads up to it; a link backwards (an inconsistent
      // schedule) assigns nothing, so orders never decrease along the thread.
      for (int s = covered + 1; s <= Math.min(ws, order.length - 1); s++) order[s] = positions.get(i) + 1;
      covered = Math.max(covered, ws);
      lastLinked = i;
    }
    if (covered < order.length - 1) {
      // Steps after the last linked one lead up to the thread's next scheduled step (its block).
      int i = Math.min(lastLinked + 1, positions.size() - 1);
      for (int s = covered + 1; s < order.length; s++) order[s] = positions.get(i) + 1;
    }
    return true;
  }
}
