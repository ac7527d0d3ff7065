package org.lockorder.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.lockorder.analysis.IrqUsage;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;

/**
 * Checks lockdep's irq-safe → irq-unsafe rule over the whole lock-order graph: for every class
 * taken in a handler, the class itself and every class reachable from it must never be taken with
 * that level's interrupts enabled. Read-only usage on both sides is allowed, as in lockdep (an
 * interrupt-context reader is recursive). Reports one violation per (safe class, unsafe class),
 * following the shortest path and stopping at the first unsafe class on it.
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
        for (Map.Entry<LockClass, List<LockOrderEdge>> reached : reachable(graph, s.getKey(), unsafe).entrySet()) {
          IrqUsage[] pair = conflicting(s.getValue(), unsafe.get(reached.getKey()));
          if (pair != null) out.add(new IrqInversion(pair[0], pair[1], reached.getValue()));
        }
      }
    }
    return out;
  }

  /** A safe and an unsafe usage that are not both read-only, preferring write usages; or null. */
  private static IrqUsage[] conflicting(List<IrqUsage> safe, List<IrqUsage> unsafe) {
    for (IrqUsage s : safe) {
      for (IrqUsage u : unsafe) {
        if (s.mode() == Mode.WRITE || u.mode() == Mode.WRITE) return new IrqUsage[] {s, u};
      }
    }
    return null;
  }

  /**
   * Unsafe classes reachable from {@code start} (itself included, with an empty path), each with
   * its shortest path; the search does not go past an unsafe class, whose own violation covers
   * what lies beyond it.
   */
  private static Map<LockClass, List<LockOrderEdge>> reachable(
      Graph<LockClass, LockOrderEdge> graph, LockClass start, Map<LockClass, List<IrqUsage>> unsafe) {
    Map<LockClass, List<LockOrderEdge>> found = new TreeMap<>();
    if (unsafe.containsKey(start)) {
      found.put(start, List.of());
      return found;
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
        if (unsafe.containsKey(next)) {
          found.put(next, pathTo(next, via));
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
