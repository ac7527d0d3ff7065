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
 * and keeps those that are strong.
 */
final class CycleSearch {

  private final Graph<LockClass, LockOrderEdge> graph;
  private final SearchBounds bounds;
  private final List<Cycle> found = new ArrayList<>();
  private long steps;
  private String cut;
  /** A path reached maxLength with more of its component unexplored: longer cycles may exist. */
  private boolean depthLimited;

  CycleSearch(Graph<LockClass, LockOrderEdge> graph, SearchBounds bounds) {
    this.graph = graph;
    this.bounds = bounds;
  }

  CycleSearchResult run(List<Set<LockClass>> components) {
    for (Set<LockClass> scc : components) {
      for (LockClass start : scc) {
        if (cut != null) break;
        List<LockClass> path = new ArrayList<>();
        path.add(start);
        dfs(scc, start, path);
      }
    }
    if (cut == null && depthLimited) cut = "cycle length (" + bounds.maxLength() + " classes)";
    return new CycleSearchResult(found, cut != null, cut, components.size());
  }

  private void dfs(Set<LockClass> scc, LockClass start, List<LockClass> path) {
    LockClass last = path.get(path.size() - 1);
    Set<LockClass> next = new TreeSet<>();
    for (LockOrderEdge e : graph.outgoingEdgesOf(last)) next.add(e.to());
    for (LockClass v : next) {
      if (cut != null) return;
      if (++steps > bounds.maxSteps()) {
        cut = "search steps (" + bounds.maxSteps() + ")";
        return;
      }
      if (v.equals(start)) {
        consider(path);
      } else if (scc.contains(v) && v.compareTo(start) > 0 && !path.contains(v)) {
        if (path.size() < bounds.maxLength()) {
          path.add(v);
          dfs(scc, start, path);
          path.remove(path.size() - 1);
        } else {
          depthLimited = true;
        }
      }
    }
  }

  private void consider(List<LockClass> path) {
    List<LockOrderEdge> edges = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      edges.add(graph.getEdge(path.get(i), path.get((i + 1) % path.size())));
    }
    EdgeType[] types = StrongCycles.choose(edges);
    if (types == null) return;
    List<EdgeWitness> witnesses = new ArrayList<>();
    Set<LockClass> gates = null;
    for (int i = 0; i < edges.size(); i++) {
      witnesses.add(edges.get(i).witnesses().get(types[i]));
      Set<LockClass> g = new TreeSet<>(edges.get(i).gates());
      if (gates == null) gates = g;
      else gates.retainAll(g);
    }
    gates.removeAll(path);
    found.add(new Cycle(path, List.of(types), witnesses, new ArrayList<>(gates)));
    if (found.size() >= bounds.maxCycles()) cut = "cycles reported (" + bounds.maxCycles() + ")";
  }
}
