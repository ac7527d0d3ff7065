package org.lockorder.ir;

import java.util.List;

/**
 * A function's control flow of events. Node ids are indexes into {@link #nodes}; node {@link
 * #ENTRY} is the entry and node {@link #EXIT} the single exit every return reaches.
 */
public record Cfg(List<Node> nodes) {
  public static final int ENTRY = 0;
  public static final int EXIT = 1;

  public Cfg {
    nodes = List.copyOf(nodes);
  }

  public Node node(int id) {
    return nodes.get(id);
  }
}
