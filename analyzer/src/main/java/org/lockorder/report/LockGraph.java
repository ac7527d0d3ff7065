package org.lockorder.report;

import java.util.List;

/**
 * The lock-order graph of a run, compact, for the DOT and HTML writers and the JSON report: per
 * analyzed program (one per file with --per-file), its lock classes and edges, with the edges of
 * reported findings marked.
 */
public record LockGraph(List<Program> programs) {

  public LockGraph {
    programs = List.copyOf(programs);
  }

  public static LockGraph empty() {
    return new LockGraph(List.of());
  }

  /**
   * One program's graph.
   *
   * @param name the file for a per-file program, else "program"
   * @param classes every lock class on an edge, sorted
   */
  public record Program(String name, List<String> classes, List<Edge> edges) {
    public Program {
      classes = List.copyOf(classes);
      edges = List.copyOf(edges);
    }
  }

  /**
   * "{@code to} was acquired while {@code from} was held".
   *
   * @param types lockdep's dependency types seen on the edge (EN, SN, ER, SR)
   * @param finding true when the edge is on a reported cycle (or is a recursive-locking self-edge)
   */
  public record Edge(String from, String to, List<String> types, boolean finding) {
    public Edge {
      types = List.copyOf(types);
    }
  }
}
