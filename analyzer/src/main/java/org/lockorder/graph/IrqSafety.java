package org.lockorder.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * taken in a handler, the class itself and every class reachable from it must never be taken with
 * that level's interrupts enabled. As in lockdep (since 5.10), a read usage counts at an end of
 * the path only where the path holds that end exclusively: the safe class's IN-*-R usage only if
 * the path leaves it -(E*)->, the unsafe class's *-ON-R usage only if the path enters it
 * -(*N)->; on one class (an empty path) only read/read is allowed. Reports one violation per
 * (safe class, unsafe class) along the shortest path, and does not look past a class that
 * already made one.
 */
public final class IrqSafety {
  private IrqSafety() {}

  public static List<IrqInversion> check(Graph<LockClass, LockOrderEdge> graph, List<IrqUsage> usages) {
    List<IrqInversion> out = new ArrayList<>();
    for (IrqLevel level : IrqLevel.values()) {
      Map<LockClass, List<IrqUsage>> safe = new TreeMap<>();
      Map<LockClass, List<IrqUsage>> unsafe = new TreeMap<>();
      for (IrqUsage u : usages) {
        if (u.level() != level) continue;
        (u.inIrq() ? safe : unsafe).computeIfAbsent(u.lockClass(), k -> new ArrayList<>()).add(u);
      }
      for (Map.Entry<LockClass, List<IrqUsage>> s : safe.entrySet()) {
        out.addAll(violations(graph, s.getKey(), s.getValue(), unsafe));
      }
    }
    return out;
  }

  /**
   * A safe and an unsafe usage that conflict along {@code path}, preferring write usages; or
   * null. Along a one-edge path, one of the edge's observed types must allow both ends.
   */
  private static IrqUsage[] conflicting(List<IrqUsage> safe, List<IrqUsage> unsafe, List<LockOrderEdge> path) {
    for (IrqUsage s : sortedWritesFirst(safe)) {
      for (IrqUsage u : sortedWritesFirst(unsafe)) {
        boolean sRead = s.mode() != Mode.WRITE;
        boolean uRead = u.mode() != Mode.WRITE;
        if (path.isEmpty()) {
          if (!(sRead && uRead)) return new IrqUsage[] {s, u};
          continue;
        }
        LockOrderEdge first = path.get(0);
        LockOrderEdge last = path.get(path.size() - 1);
        boolean ok = false;
        for (EdgeType tf : first.witnesses().keySet()) {
          for (EdgeType tl : last.witnesses().keySet()) {
            if (first == last && tf != tl) continue;
            boolean leavesExclusive = tf == EdgeType.EN || tf == EdgeType.ER;
            boolean entersNonRecursive = tl == EdgeType.EN || tl == EdgeType.SN;
            if ((!sRead || leavesExclusive) && (!uRead || entersNonRecursive)) ok = true;
          }
        }
        if (ok) return new IrqUsage[] {s, u};
      }
    }
    return null;
  }

  private static List<IrqUsage> sortedWritesFirst(List<IrqUsage> usages) {
    List<IrqUsage> out = new ArrayList<>(usages);
    out.sort((a, b) -> Boolean.compare(a.mode() != Mode.WRITE, b.mode() != Mode.WRITE));
    return out;
  }

  /**
   * Breadth-first from the safe class {@code start} (itself first, with an empty path): each
   * unsafe class met is checked along its shortest path; a violation is reported and the search
   * does not continue past that class, whose own findings cover what lies beyond.
   */
  private static List<IrqInversion> violations(
      Graph<LockClass, LockOrderEdge> graph, LockClass start, List<IrqUsage> safeUsages,
      Map<LockClass, List<IrqUsage>> unsafe) {
    List<IrqInversion> found = new ArrayList<>();
    if (unsafe.containsKey(start)) {
      IrqUsage[] pair = conflicting(safeUsages, unsafe.get(start), List.of());
      if (pair != null) {
        found.add(new IrqInversion(pair[0], pair[1], List.of()));
        return found;
      }
    }
    if (!graph.containsVertex(start)) return found;
    Map<LockClass, LockOrderEdge> via = new HashMap<>();
    ArrayDeque<LockClass> queue = new ArrayDeque<>();
    queue.add(start);
    via.put(start, null);
    while (!queue.isEmpty()) {
      LockClass c = queue.poll();
      List<LockOrderEdge> outs = new ArrayList<>(graph.outgoingEdgesOf(c));
      outs.sort((a, b) -> a.to().compareTo(b.to()));
      for (LockOrderEdge e : outs) {
        LockClass next = e.to();
        if (via.containsKey(next)) continue;
        via.put(next, e);
        IrqUsage[] pair = null;
        List<LockOrderEdge> path = null;
        if (unsafe.containsKey(next)) {
          path = pathTo(next, via);
          pair = conflicting(safeUsages, unsafe.get(next), path);
        }
        if (pair != null) {
          found.add(new IrqInversion(pair[0], pair[1], path));
        } else {
          queue.add(next);
        }
      }
    }
    return found;
  }

  private static List<LockOrderEdge> pathTo(LockClass end, Map<LockClass, LockOrderEdge> via) {
    List<LockOrderEdge> path = new ArrayList<>();
    for (LockOrderEdge e = via.get(end); e != null; e = via.get(e.from())) path.add(0, e);
    return path;
  }
}
