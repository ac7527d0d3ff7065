package org.lockorder.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;

/**
 * Enumerates elementary cycles inside strongly connected components, each from its smallest class
 * only (so every cycle appears once, already in canonical rotation), within {@link SearchBounds},
 * and keeps those that are strong. Shortest first: one pass per cycle length, so that when a
 * bound cuts the search on a dense graph (a kernel tree), the cycles reported are the shortest
 * ones of every component, not the long variants around the first class in name order. A class
 * that already closes {@link SearchBounds#maxCyclesPerClass} reported cycles closes no more: the
 * rest of the graph gets the room, and the result says how many were left out, and through which
 * classes.
 */
final class CycleSearch {

  private final Graph<LockClass, LockOrderEdge> graph;
  private final SearchBounds bounds;
  private final List<Cycle> found = new ArrayList<>();
  private long steps;
  private String cut;
  /** A path reached maxLength with more of its component unexplored: longer cycles may exist. */
  private boolean depthLimited;
  /** Cycles kept so far through each class, for {@link SearchBounds#maxCyclesPerClass}. */
  private final java.util.Map<LockClass, Integer> perClass = new java.util.HashMap<>();
  /** Strong cycles left out because one of their classes had its share, and those classes. */
  private int leftOut;
  private final Set<LockClass> hubs = new TreeSet<>();

  CycleSearch(Graph<LockClass, LockOrderEdge> graph, SearchBounds bounds) {
    this.graph = graph;
    this.bounds = bounds;
  }

  CycleSearchResult run(List<Set<LockClass>> components) {
    for (int length = 1; length <= bounds.maxLength() && cut == null; length++) {
      for (Set<LockClass> scc : components) {
        if (scc.size() < length) continue;
        for (LockClass start : scc) {
          if (cut != null) break;
          List<LockClass> path = new ArrayList<>();
          path.add(start);
          dfs(scc, start, path, length);
        }
      }
    }
    if (cut == null && depthLimited) cut = "cycle length (" + bounds.maxLength() + " classes)";
    if (leftOut > 0) {
      List<String> names = new ArrayList<>();
      for (LockClass c : hubs) names.add(c.toString());
      String perClassCut = "cycles through one class (" + bounds.maxCyclesPerClass() + "; " + leftOut
          + " more through " + String.join(", ", names.subList(0, Math.min(5, names.size())))
          + (names.size() > 5 ? " and " + (names.size() - 5) + " other classes" : "") + ")";
      cut = cut == null ? perClassCut : cut + "; " + perClassCut;
    }
    return new CycleSearchResult(found, cut != null, cut, components.size());
  }

  /** Extends {@code path} to cycles of exactly {@code length} classes. */
  private void dfs(Set<LockClass> scc, LockClass start, List<LockClass> path, int length) {
    LockClass last = path.get(path.size() - 1);
    if (path.size() == length) {
      // The last step can only be the edge back to the start: one lookup, not a scan.
      if (++steps > bounds.maxSteps()) {
        cut = "search steps (" + bounds.maxSteps() + ")";
      } else if (graph.containsEdge(last, start)) {
        consider(path);
      }
      if (length == bounds.maxLength() && !depthLimited) depthLimited = hasLongerPath(scc, start, path);
      return;
    }
    Set<LockClass> next = new TreeSet<>();
    for (LockOrderEdge e : graph.outgoingEdgesOf(last)) next.add(e.to());
    for (LockClass v : next) {
      if (cut != null) return;
      if (++steps > bounds.maxSteps()) {
        cut = "search steps (" + bounds.maxSteps() + ")";
        return;
      }
      if (canExtend(scc, start, path, v)) {
        path.add(v);
        dfs(scc, start, path, length);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Whether {@code path} (at the longest length searched) could go on inside the component. */
  private boolean hasLongerPath(Set<LockClass> scc, LockClass start, List<LockClass> path) {
    for (LockOrderEdge e : graph.outgoingEdgesOf(path.get(path.size() - 1))) {
      if (canExtend(scc, start, path, e.to())) return true;
    }
    return false;
  }

  /**
   * Whether {@code v} may come next on {@code path}: inside the component, after the start in
   * class order (each cycle is found from its smallest class only), not on the path yet.
   */
  private static boolean canExtend(Set<LockClass> scc, LockClass start, List<LockClass> path, LockClass v) {
    return !v.equals(start) && scc.contains(v) && v.compareTo(start) > 0 && !path.contains(v);
  }

  private void consider(List<LockClass> path) {
    List<LockOrderEdge> edges = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      edges.add(graph.getEdge(path.get(i), path.get((i + 1) % path.size())));
    }
    EdgeType[] types = StrongCycles.choose(edges);
    if (types == null) return;
    boolean full = false;
    for (LockClass c : path) {
      if (perClass.getOrDefault(c, 0) >= bounds.maxCyclesPerClass()) {
        full = true;
        hubs.add(c);
      }
    }
    if (full) {
      leftOut++;
      return;
    }
    List<EdgeWitness> witnesses = new ArrayList<>();
    Set<LockClass> gates = null;
    for (int i = 0; i < edges.size(); i++) {
      witnesses.add(edges.get(i).witnesses().get(types[i]));
      Set<LockClass> g = new TreeSet<>(edges.get(i).gates());
      if (gates == null) gates = g;
      else gates.retainAll(g);
    }
    gates.removeAll(path);
    for (LockClass c : path) perClass.merge(c, 1, Integer::sum);
    found.add(new Cycle(path, List.of(types), witnesses, new ArrayList<>(gates)));
    if (found.size() >= bounds.maxCycles()) cut = "cycles reported (" + bounds.maxCycles() + ")";
  }
}
