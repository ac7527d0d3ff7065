package org.lockorder.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.analysis.ProgramView;
import org.lockorder.ir.Function;
import org.lockorder.report.Simulation;
import org.lockorder.report.Verdict;

/**
 * {@code lockorder simulate}: runs chosen entry functions as threads against each other and answers
 * "can these paths deadlock?". Each thread takes every path through its function whose lock
 * operations differ (both sides of each branch, up to a bound); every combination of paths is
 * scheduled until one deadlocks. Objects: a global lock is one lock; the first object of a class
 * each thread takes is the same object in every thread, its second another one, and so on
 * (the adversarial reading: the threads work on the same inode, the same mm).
 */
public final class EntrySimulation {
  private static final int MAX_COMBINATIONS = 4096;
  private final ProgramView view;
  private final SimulationBounds bounds;

  public EntrySimulation(ProgramView view, SimulationBounds bounds) {
    this.view = view;
    this.bounds = bounds;
  }

  /**
   * @throws IllegalArgumentException naming an entry that is not a function of the program
   */
  public Simulation run(List<String> entries) {
    WitnessWalker walker = new WitnessWalker(view, bounds);
    List<List<List<SimThread.Op>>> options = new ArrayList<>();
    for (String name : entries) {
      Function fn = view.function(name, "");
      if (fn == null) throw new IllegalArgumentException("no function named '" + name + "' in the analyzed code");
      List<List<SimThread.Op>> paths = new ArrayList<>();
      for (List<LockOp> ops : walker.paths(fn)) paths.add(name(ops));
      if (paths.isEmpty()) paths.add(List.of());
      options.add(paths);
    }
    int[] choice = new int[entries.size()];
    int combinations = 0;
    int states = 0;
    boolean bounded = false;
    List<Simulation.SimulatedThread> columns = new ArrayList<>();
    for (int t = 0; t < entries.size(); t++) {
      columns.add(new Simulation.SimulatedThread("thread " + (t + 1), entries.get(t), -1, options.get(t).size() + " path" + (options.get(t).size() == 1 ? "" : "s") + " through " + entries.get(t)));
    }
    do {
      if (++combinations > MAX_COMBINATIONS) {
        bounded = true;
        break;
      }
      List<SimThread> threads = new ArrayList<>();
      for (int t = 0; t < entries.size(); t++) {
        threads.add(new SimThread(entries.get(t), -1, "path " + (choice[t] + 1) + " of " + entries.get(t), options.get(t).get(choice[t]), -1, null));
      }
      Scheduler scheduler = new Scheduler(threads, bounds);
      Scheduler.Outcome o = scheduler.run();
      states += o.states();
      if (o.result() == Scheduler.Result.DEADLOCK) {
        List<Simulation.SimulatedThread> cols = new ArrayList<>();
        for (int t = 0; t < entries.size(); t++) cols.add(new Simulation.SimulatedThread("thread " + (t + 1), entries.get(t), -1, threads.get(t).role()));
        return new Simulation(Verdict.CONFIRMED, "these threads can deadlock: the schedule below", cols, ScheduleWriter.steps(scheduler, o), states);
      }
      if (o.result() != Scheduler.Result.NO_DEADLOCK) bounded = true;
    } while (next(choice, options));
    if (bounded) {
      return new Simulation(Verdict.INCONCLUSIVE, "no deadlock found before a bound (" + MAX_COMBINATIONS + " path combinations, or "
          + bounds.states() + " states per combination)", columns, List.of(), states);
    }
    return new Simulation(Verdict.NOT_REPRODUCED, "no interleaving of any of the " + combinations + " path combinations deadlocks ("
        + states + " states explored)", columns, List.of(), states);
  }

  private static boolean next(int[] choice, List<List<List<SimThread.Op>>> options) {
    for (int t = choice.length - 1; t >= 0; t--) {
      if (++choice[t] < options.get(t).size()) return true;
      choice[t] = 0;
    }
    return false;
  }

  /** Names objects: globals by class; other classes by the order a thread first takes them. */
  private List<SimThread.Op> name(List<LockOp> ops) {
    Map<String, String> labels = new HashMap<>();
    Map<String, Integer> perClass = new HashMap<>();
    List<SimThread.Op> out = new ArrayList<>();
    for (LockOp op : ops) {
      if (op.kind() == LockOp.Kind.MARK || op.kind() == LockOp.Kind.IRQS) continue;
      String cls = op.lockClass().toString();
      String label = labels.computeIfAbsent(op.lockClass().base() + "=" + op.text(), k -> {
        if (view.singleInstance(op.lockClass())) return cls;
        int n = perClass.merge(cls, 1, Integer::sum);
        return n == 1 ? cls : cls + " (object " + n + ")";
      });
      out.add(new SimThread.Op(op.kind(), label, op.mode(), op.style(), op.api(), op.function(), op.location(), -1, null, false, false));
    }
    return out;
  }
}
