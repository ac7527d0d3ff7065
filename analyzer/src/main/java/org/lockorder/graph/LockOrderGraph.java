package org.lockorder.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;

/**
 * The lock-order graph over lock classes (JGraphT), and the search for its strong cycles: strongly
 * connected components first, then a bounded enumeration of elementary cycles inside each, each
 * found once in canonical rotation. Self-edges are kept apart: they are recursive locking.
 */
public final class LockOrderGraph {
  private final Graph<LockClass, LockOrderEdge> graph = new DefaultDirectedGraph<>(LockOrderEdge.class);
  private final List<LockOrderEdge> selfEdges = new ArrayList<>();

  public LockOrderGraph(List<LockOrderEdge> edges) {
    for (LockOrderEdge e : edges) {
      if (e.from().equals(e.to())) {
        selfEdges.add(e);
        continue;
      }
      graph.addVertex(e.from());
      graph.addVertex(e.to());
      graph.addEdge(e.from(), e.to(), e);
    }
  }

  public Graph<LockClass, LockOrderEdge> graph() {
    return graph;
  }

  /** Lockdep's "possible recursive locking": a class acquired while an instance of it is held. */
  public List<LockOrderEdge> selfEdges() {
    return selfEdges;
  }

  /** lockdep's irq-safe -> irq-unsafe violations for the given usage states. */
  public List<IrqInversion> irqInversions(List<org.lockorder.analysis.IrqUsage> usages) {
    return IrqSafety.check(graph, usages);
  }

  /** The strong cycles, shortest first, then by class names, and whether a bound cut the search. */
  public CycleSearchResult strongCycles(SearchBounds bounds) {
    List<Set<LockClass>> components = new ArrayList<>();
    for (Set<LockClass> scc : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
      if (scc.size() > 1) components.add(new TreeSet<>(scc));
    }
    components.sort(Comparator.comparing(s -> s.iterator().next()));
    CycleSearchResult r = new CycleSearch(graph, bounds).run(components);
    List<Cycle> sorted = new ArrayList<>(r.cycles());
    sorted.sort(Comparator.comparingInt(Cycle::length).thenComparing(Cycle::describe));
    return new CycleSearchResult(sorted, r.truncated(), r.reason(), r.components());
  }

  /** Dependency types observed on an edge, for the DOT and text renderings. */
  static String types(LockOrderEdge e) {
    StringBuilder sb = new StringBuilder();
    for (EdgeType t : EdgeType.values()) if (e.witnesses().containsKey(t)) sb.append(sb.length() == 0 ? "" : ",").append(t);
    return sb.toString();
  }
}
