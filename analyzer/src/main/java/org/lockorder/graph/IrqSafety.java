package org.lockorder.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.IrqUsage;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;

/**
 * Checks lockdep's irq-safe → irq-unsafe rule over the whole lock-order graph: for every class
 * taken in a handler, the class itself and every class reachable from it along a strong
 * dependency path must never be taken with that level's interrupts enabled. As in lockdep (since
 * 5.10, whose breadth-first search carries {@code only_xr}), the path is strong: no class on it is
 * entered by a recursive reader (-(xR)->) and left from a reader-held lock (-(Sx)->), so
 * {@code rcu_read_lock} links nothing. A read usage counts at an end of the path only where the
 * path holds that end exclusively: the safe class's IN-*-R usage only if the path leaves it
 * -(E*)->, the unsafe class's *-ON-R usage only if the path enters it -(*N)->; on one class (an
 * empty path) only read/read is allowed. Reports one violation per (safe class, unsafe class)
 * along the shortest strong path, and does not look past a class that already made one, nor past
 * another class that a handler takes for writing at the same level: that class is a start of its
 * own, and the violations beyond it are its findings. A class named through a pointer whose
 * owner is unknown ({@link LockClass#resolved}) is not checked, as the graph leaves it out.
 */
public final class IrqSafety {
  private IrqSafety() {}

  public static List<IrqInversion> check(Graph<LockClass, LockOrderEdge> graph, List<IrqUsage> usages) {
    List<IrqInversion> out = new ArrayList<>();
    for (IrqLevel level : IrqLevel.values()) {
      Map<LockClass, List<IrqUsage>> safe = new TreeMap<>();
      Map<LockClass, List<IrqUsage>> unsafe = new TreeMap<>();
      for (IrqUsage u : usages) {
        if (u.level() != level || !u.lockClass().resolved()) continue;
        (u.inIrq() ? safe : unsafe).computeIfAbsent(u.lockClass(), k -> new ArrayList<>()).add(u);
      }
      Set<LockClass> writeSafe = new HashSet<>();
      safe.forEach((c, us) -> {
        if (us.stream().anyMatch(u -> u.mode() == Mode.WRITE)) writeSafe.add(c);
      });
      for (Map.Entry<LockClass, List<IrqUsage>> s : safe.entrySet()) {
        out.addAll(violations(graph, s.getKey(), s.getValue(), unsafe, writeSafe));
      }
    }
    return out;
  }

  /** Write usages first: a write usage conflicts along more paths than a read one. */
  private static List<IrqUsage> sortedWritesFirst(List<IrqUsage> usages) {
    List<IrqUsage> out = new ArrayList<>(usages);
    out.sort((a, b) -> Boolean.compare(a.mode() != Mode.WRITE, b.mode() != Mode.WRITE));
    return out;
  }

  /**
   * Where the search stands: at {@code lockClass}, entered by a recursive-read acquisition
   * ({@code enteredRecursive}, lockdep's {@code only_xr}) or not. Entered by a recursive reader, a
   * class can only be left by an edge that holds it exclusively: a path that waits on a reader
   * (-(xR)->) and then goes on from a reader-held lock (-(Sx)->) is not a strong dependency path,
   * because a recursive reader does not wait for the other readers it would need to block. The
   * search starts at a safe class as if entered by a recursive reader when only read usages make
   * it safe: an IN-*-R usage counts only along a path that leaves the class exclusively.
   */
  private record State(LockClass lockClass, boolean enteredRecursive) {}

  /** How the search reached a state: the edge, and the dependency type that makes the path strong. */
  private record Step(State from, LockOrderEdge edge, EdgeType type) {}

  /**
   * Breadth-first from the safe class {@code start} (itself first, with an empty path) along
   * strong paths: each unsafe class met is checked along the shortest such path; a violation is
   * reported and the search does not continue past that class, whose own findings cover what
   * lies beyond. Nor does it go into a class of {@code writeSafe} (taken for writing in a handler
   * at this level): its own search, which starts there as a holder of it, finds every violation
   * beyond it along a shorter path. Linux 6.1's kernel/ reaches hundreds of classes through the
   * runqueue lock, which the scheduler tick takes in a hardirq; from each class that a handler
   * holds into it, they were all reported again.
   */
  private static List<IrqInversion> violations(
      Graph<LockClass, LockOrderEdge> graph, LockClass start, List<IrqUsage> safeUsages,
      Map<LockClass, List<IrqUsage>> unsafe, Set<LockClass> writeSafe) {
    List<IrqInversion> found = new ArrayList<>();
    IrqUsage safe = sortedWritesFirst(safeUsages).get(0);
    if (unsafe.containsKey(start)) {
      // On one class only read/read is allowed.
      for (IrqUsage u : sortedWritesFirst(unsafe.get(start))) {
        if (safe.mode() == Mode.WRITE || u.mode() == Mode.WRITE) {
          found.add(new IrqInversion(safe, u, List.of(), List.of()));
          return found;
        }
      }
    }
    if (!graph.containsVertex(start)) return found;
    State first = new State(start, safe.mode() != Mode.WRITE);
    Map<State, Step> via = new HashMap<>();
    Set<LockClass> reported = new HashSet<>();
    reported.add(start);
    ArrayDeque<State> queue = new ArrayDeque<>();
    queue.add(first);
    via.put(first, null);
    while (!queue.isEmpty()) {
      State at = queue.poll();
      if (reported.contains(at.lockClass()) && at != first) continue;
      List<LockOrderEdge> outs = new ArrayList<>(graph.outgoingEdgesOf(at.lockClass()));
      outs.sort((a, b) -> a.to().compareTo(b.to()));
      for (LockOrderEdge e : outs) {
        EdgeType type = strongType(e, at.enteredRecursive());
        if (type == null) continue;
        State next = new State(e.to(), type.toRecursive());
        // Entered not by a recursive reader, a class can be left by more edges: that state covers the other.
        if (via.containsKey(next) || (next.enteredRecursive() && via.containsKey(new State(e.to(), false)))) continue;
        if (reported.contains(next.lockClass()) || writeSafe.contains(next.lockClass())) continue;
        via.put(next, new Step(at, e, type));
        IrqUsage conflict = unsafe.containsKey(next.lockClass()) ? conflicting(unsafe.get(next.lockClass()), next) : null;
        if (conflict != null) {
          reported.add(next.lockClass());
          List<Step> path = pathTo(next, via);
          found.add(new IrqInversion(safe, conflict, path.stream().map(Step::edge).toList(), path.stream().map(Step::type).toList()));
        } else {
          queue.add(next);
        }
      }
    }
    return found;
  }

  /**
   * The dependency type of {@code e} that continues a strong path, preferring one that does not
   * end in a recursive reader (it leaves more ways on); null when none does.
   */
  private static EdgeType strongType(LockOrderEdge e, boolean enteredRecursive) {
    EdgeType best = null;
    for (EdgeType t : e.witnesses().keySet()) {
      if (enteredRecursive && t.fromShared()) continue;
      if (best == null || (best.toRecursive() && !t.toRecursive())) best = t;
    }
    return best;
  }

  /**
   * The unsafe usage of a class that the path conflicts with, writes first: a *-ON-R usage counts
   * only where the path enters the class by a non-recursive acquisition (-(*N)->).
   */
  private static IrqUsage conflicting(List<IrqUsage> unsafeUsages, State at) {
    for (IrqUsage u : sortedWritesFirst(unsafeUsages)) {
      if (u.mode() == Mode.WRITE || !at.enteredRecursive()) return u;
    }
    return null;
  }

  private static List<Step> pathTo(State end, Map<State, Step> via) {
    List<Step> path = new ArrayList<>();
    for (Step s = via.get(end); s != null; s = via.get(s.from())) path.add(0, s);
    return path;
  }
}
