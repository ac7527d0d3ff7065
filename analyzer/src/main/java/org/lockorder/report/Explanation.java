package org.lockorder.report;

import java.util.List;

/**
 * {@code lockorder explain --format json}: why the lock-order graph orders one class before
 * another. Shape documented in docs/json-output.md.
 *
 * @param from the class held, as reports name it
 * @param to the class acquired
 * @param ordered whether the graph orders them at all; {@code chain} is empty when not
 * @param chain the edge from {@code from} to {@code to}, or the edges of the shortest chain of
 *     classes between them, in order
 */
public record Explanation(String from, String to, boolean ordered, List<Edge> chain) {
  public Explanation {
    chain = List.copyOf(chain);
  }

  /**
   * One edge and its witnesses, one per lockdep dependency type observed ({@link
   * ThreadTrace#dependency()}).
   *
   * @param gates locks every occurrence of the edge also holds (it cannot run twice at once)
   */
  public record Edge(String from, String to, List<String> gates, List<ThreadTrace> witnesses) {
    public Edge {
      gates = List.copyOf(gates);
      witnesses = List.copyOf(witnesses);
    }
  }

  /** The whole output: one explanation per --from/--to pair, in the order given. */
  public record Output(String tool, String version, List<Explanation> explanations) {
    public Output {
      explanations = List.copyOf(explanations);
    }
  }
}
