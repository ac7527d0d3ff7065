package org.lockorder.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;

/**
 * Why the graph orders one class before another: the edge between them, or else the shortest
 * chain of edges from one to the other ({@code lockorder explain}). Ties between chains of the same
 * length go to the one whose classes come first by name, so the answer is the same every run.
 */
public final class OrderPath {
  private OrderPath() {}

  /**
   * The edges of a shortest path from {@code from} to {@code to} (one edge when they are adjacent; a
   * self-edge when they are the same class and it has one); empty when {@code to} is never acquired
   * while {@code from} is held, directly or through other locks.
   */
  public static List<LockOrderEdge> between(LockOrderGraph g, LockClass from, LockClass to) {
    if (from.equals(to)) {
      for (LockOrderEdge e : g.selfEdges()) if (e.from().equals(from)) return List.of(e);
      return List.of();
    }
    Graph<LockClass, LockOrderEdge> graph = g.graph();
    if (!graph.containsVertex(from) || !graph.containsVertex(to)) return List.of();
    Map<LockClass, LockOrderEdge> reachedBy = new HashMap<>();
    ArrayDeque<LockClass> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      LockClass c = queue.poll();
      List<LockOrderEdge> out = new ArrayList<>(graph.outgoingEdgesOf(c));
      out.sort(Comparator.comparing(LockOrderEdge::to));
      for (LockOrderEdge e : out) {
        LockClass next = e.to();
        if (next.equals(from) || reachedBy.containsKey(next)) continue;
        reachedBy.put(next, e);
        if (next.equals(to)) return chain(reachedBy, from, to);
        queue.add(next);
      }
    }
    return List.of();
  }

  private static List<LockOrderEdge> chain(Map<LockClass, LockOrderEdge> reachedBy, LockClass from, LockClass to) {
    List<LockOrderEdge> out = new ArrayList<>();
    for (LockClass c = to; !c.equals(from); c = reachedBy.get(c).from()) out.add(reachedBy.get(c));
    Collections.reverse(out);
    return out;
  }
}
