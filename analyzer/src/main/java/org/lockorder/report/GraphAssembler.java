package org.lockorder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.graph.LockOrderGraph;

/** Builds the compact {@link LockGraph.Program} view of one program's lock-order graph. */
public final class GraphAssembler {
  private GraphAssembler() {}

  /** The graph, with the edges that the threads of {@code findings} hold-then-acquire marked. */
  public static LockGraph.Program program(String name, LockOrderGraph graph, List<Finding> findings) {
    Set<String> onCycle = new HashSet<>();
    for (Finding f : findings) {
      for (ThreadTrace t : f.threads()) if (!t.holds().isEmpty()) onCycle.add(t.holds() + "\u0000" + t.acquires());
    }
    List<LockOrderEdge> all = new ArrayList<>(graph.graph().edgeSet());
    all.addAll(graph.selfEdges());
    Set<String> classes = new TreeSet<>();
    List<LockGraph.Edge> edges = new ArrayList<>();
    for (LockOrderEdge e : all) {
      classes.add(e.from().toString());
      classes.add(e.to().toString());
      List<String> types = new ArrayList<>();
      for (EdgeType t : EdgeType.values()) if (e.witnesses().containsKey(t)) types.add(t.name());
      boolean finding = onCycle.contains(e.from() + "\u0000" + e.to());
      edges.add(new LockGraph.Edge(e.from().toString(), e.to().toString(), types, finding));
    }
    edges.sort(Comparator.comparing(LockGraph.Edge::from).thenComparing(LockGraph.Edge::to));
    return new LockGraph.Program(name, List.copyOf(classes), edges);
  }
}
