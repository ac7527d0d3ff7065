package org.lockorder.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.analysis.ProgramView;
import org.lockorder.ir.Mode;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;
import org.lockorder.report.Verdict;

/**
 * Re-executes findings: builds their threads ({@link ThreadBuilder}), runs them under the
 * {@link Scheduler}, and turns the outcome into a verdict with its reason and schedule.
 * Deterministic: the same findings and program give the same verdicts and schedules.
 */
public final class Simulator {
  private final SimulationBounds bounds;
  private final ProgramView view;
  private final WitnessWalker walker;
  private final ThreadBuilder builder;
  /** The same with {@link SimulationBounds#firstLook} bounds, for {@link #simulateAll}'s first pass. */
  private final Simulator firstLook;

  public Simulator(ProgramView view, SimulationBounds bounds) {
    this(view, bounds, bounds.firstLook());
  }

  private Simulator(ProgramView view, SimulationBounds bounds, SimulationBounds firstLook) {
    this.bounds = bounds;
    this.view = view;
    this.walker = new WitnessWalker(view, bounds);
    this.builder = new ThreadBuilder(view, walker);
    this.firstLook = firstLook == null ? null : new Simulator(view, firstLook, null);
  }

  /**
   * Each finding with its simulation, in the order given. Lock-order cycles (LO001, LO002) are
   * simulated before interrupt inversions (LO003), each in report order, in two passes that share
   * the run's budget ({@link SimulationBounds#runWork}): first every finding with the bounds of
   * {@link SimulationBounds#firstLook}, then, with the full bounds, those the first look left
   * inconclusive. In one pass, the findings whose walks hit their bounds spent the budget before
   * most findings had a look (Linux 6.1: 122 of 1,270 simulated, none of the LO001 cycles).
   * Findings the budget does not reach stay unchecked and say why.
   */
  public List<Finding> simulateAll(List<Finding> findings) {
    Simulation[] done = new Simulation[findings.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) if (!isIrqInversion(findings.get(i))) order.add(i);
    for (int i = 0; i < findings.size(); i++) if (isIrqInversion(findings.get(i))) order.add(i);
    Simulator first = firstLook == null ? this : firstLook;
    boolean[] bounded = new boolean[findings.size()];
    long work = 0;
    int looked = 0;
    for (int i : order) {
      if (work >= bounds.runWork()) {
        done[i] = Simulation.notRun("not simulated: the run's simulation budget (" + String.format(java.util.Locale.ROOT, "%,d", bounds.runWork())
            + " path and schedule states) went to the " + looked + " findings simulated before it (raise it with --simulation-budget)");
        continue;
      }
      work += first.simulateCounting(findings.get(i), done, bounded, i);
      looked++;
    }
    if (first == this) return withSimulations(findings, done);
    // Only a bound can make the full bounds decide otherwise: an inconsistency stays one.
    boolean[] full = new boolean[findings.size()];
    for (int i : order) {
      if (work >= bounds.runWork()) break;
      if (!bounded[i]) continue;
      work += simulateCounting(findings.get(i), done, bounded, i);
      full[i] = true;
    }
    for (int i : order) {
      Simulation s = done[i];
      if (bounded[i] && !full[i]) {
        done[i] = new Simulation(s.verdict(), s.reason() + " on a first look with smaller bounds; the run's budget left"
            + " none for a full one (raise it with --simulation-budget)", s.threads(), s.schedule(), s.states());
      }
    }
    return withSimulations(findings, done);
  }

  /**
   * Simulates {@code f} into {@code done[i]}, and sets {@code bounded[i]} when a bound of this
   * simulator made it inconclusive; returns the path and schedule states it spent.
   */
  private long simulateCounting(Finding f, Simulation[] done, boolean[] bounded, int i) {
    long before = walker.spentByAllWalks();
    lastHitABound = false;
    done[i] = simulate(f);
    bounded[i] = lastHitABound;
    return walker.spentByAllWalks() - before + done[i].states();
  }

  /** Whether the last {@link #simulate} was inconclusive because of one of this simulator's bounds. */
  private boolean lastHitABound;

  private static List<Finding> withSimulations(List<Finding> findings, Simulation[] done) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) out.add(findings.get(i).withSimulation(done[i]));
    return out;
  }

  private static boolean isIrqInversion(Finding f) {
    return f.rule().equals(org.lockorder.report.Rule.LO003.id());
  }

  public Simulation simulate(Finding f) {
    ThreadBuilder.Built built;
    try {
      built = builder.build(f);
    } catch (RuntimeException | StackOverflowError e) {
      return inconclusive("the simulator failed to build the threads (" + e.getClass().getSimpleName() + ")", List.of(), 0);
    }
    if (built.refuted()) return new Simulation(Verdict.NOT_REPRODUCED, built.failure(), List.of(), List.of(), 0);
    if (built.failure() != null) {
      lastHitABound = !built.inconsistent();
      return inconclusive(built.failure(), List.of(), 0);
    }
    List<SimThread> threads = built.threads();
    List<Simulation.SimulatedThread> columns = columns(threads);
    Scheduler.Outcome o = new Scheduler(threads, bounds).run();
    String computed = computedSubclass(f.classes());
    if (o.result() == Scheduler.Result.DEADLOCK && computed != null) {
      // The threads deadlock on one lock class, and the class is one only if its acquisitions take
      // one subclass: the analysis could not tell what the expression gives at each of them.
      return inconclusive(
          "a schedule deadlocks if every acquisition of " + computed + " takes the same subclass, but its subclass is "
              + "computed at run time (" + computed.substring(computed.indexOf('/') + 1) + "): lockdep tells the "
              + "acquisitions apart when the code passes different values", columns, o.states());
    }
    return switch (o.result()) {
      case DEADLOCK -> new Simulation(
          Verdict.CONFIRMED, confirmedReason(threads, o), columns, ScheduleWriter.steps(new Scheduler(threads, bounds), o), o.states());
      case NO_DEADLOCK -> new Simulation(Verdict.NOT_REPRODUCED, whyNot(built, o), columns, List.of(), o.states());
      case STATE_BOUND -> bound("the schedule search hit its state bound (" + bounds.states() + " states)", columns, o.states());
    };
  }

  /**
   * The first of {@code classes} whose subclass is an expression the analysis could not evaluate
   * ({@code eventpoll.mtx/depth}, {@code xfs_inode.i_lock/XFS_ILOCK_DEP(lock_flags)}), or null. A
   * class's name holds no '/', so the subclass is what follows the first one.
   */
  static String computedSubclass(List<String> classes) {
    for (String c : classes) {
      int slash = c.indexOf('/');
      if (slash < 0) continue;
      String subclass = c.substring(slash + 1);
      if (subclass.isEmpty() || !subclass.chars().allMatch(Character::isDigit)) return c;
    }
    return null;
  }

  private Simulation bound(String reason, List<Simulation.SimulatedThread> columns, int states) {
    lastHitABound = true;
    return inconclusive(reason, columns, states);
  }

  private static Simulation inconclusive(String reason, List<Simulation.SimulatedThread> columns, int states) {
    return new Simulation(Verdict.INCONCLUSIVE, reason, columns, List.of(), states);
  }

  private static List<Simulation.SimulatedThread> columns(List<SimThread> threads) {
    List<Simulation.SimulatedThread> out = new ArrayList<>();
    for (int t = 0; t < threads.size(); t++) {
      SimThread th = threads.get(t);
      out.add(new Simulation.SimulatedThread("thread " + (t + 1), th.entry(), th.witness(), th.role()));
    }
    return out;
  }

  private static String confirmedReason(List<SimThread> threads, Scheduler.Outcome o) {
    int deadlocked = 0;
    List<String> added = new ArrayList<>();
    for (int t = 0; t < threads.size(); t++) {
      if (!o.end().finished()[t]) deadlocked++;
      if (threads.get(t).witness() < 0) added.add("thread " + (t + 1) + " is " + threads.get(t).role());
      if (threads.get(t).interrupts() >= 0) {
        added.add("thread " + (t + 1) + " is an interrupt handler on thread " + (threads.get(t).interrupts() + 1) + "'s CPU");
      }
    }
    String text = deadlocked == 1 ? "1 thread deadlocks on itself in the schedule below"
        : deadlocked + " threads deadlock in the schedule below";
    return added.isEmpty() ? text : text + "; " + String.join("; ", added);
  }

  /**
   * Why no schedule deadlocks, most specific first: a gate lock every witness thread holds at its
   * final acquisition; a trylock on the path; a recursive reader; otherwise the bare fact.
   */
  private String whyNot(ThreadBuilder.Built built, Scheduler.Outcome o) {
    Set<String> gates = null;
    for (SimThread t : built.threads()) {
      if (t.witness() < 0 || t.interrupts() >= 0) continue;
      Set<String> here = heldAtLast(t);
      if (gates == null) gates = here;
      else gates.retainAll(here);
    }
    if (gates != null && !gates.isEmpty()) {
      return "serialized by the gate lock " + String.join(", ", gates)
          + ": every thread holds it when it takes its next lock of the cycle, so only one of them can be inside the cycle at a time";
    }
    if (o.trylockFailed()) return "a trylock on the path fails instead of waiting, so the thread backs off and the cycle never closes";
    for (ThreadBuilder.Meeting m : built.meetings()) {
      if (m.acquired() == Mode.RECURSIVE_READ && m.held().shared()) {
        return "recursive readers: " + m.lock() + " is taken as a recursive read (R), which waits neither for other readers nor for a waiting writer";
      }
    }
    return "no interleaving of these " + built.threads().size() + " threads deadlocks (" + o.states() + " states explored)";
  }

  /** Labels of the shared locks {@code t} holds just before its final acquisition. */
  private static Set<String> heldAtLast(SimThread t) {
    Set<String> held = new TreeSet<>();
    for (SimThread.Op op : t.ops()) {
      if (op.last()) break;
      if (op.kind() == LockOp.Kind.ACQUIRE) held.add(op.lock());
      else if (op.kind() == LockOp.Kind.RELEASE) held.remove(op.lock());
    }
    held.removeIf(l -> l.contains(" [thread "));
    return held;
  }
}
