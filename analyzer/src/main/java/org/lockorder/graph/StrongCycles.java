package org.lockorder.graph;

import java.util.List;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.LockOrderEdge;

/**
 * Lockdep's strong-path rule: a cycle deadlocks only if no lock on it is entered by an edge that
 * acquires it as a recursive reader (-(xR)->) and left by an edge that holds it as a reader
 * (-(Sx)->). Picks, for each edge of a class cycle, one observed dependency type so that the
 * whole circle is strong, preferring non-recursive and exclusive types.
 */
final class StrongCycles {
  private static final EdgeType[] PREFERENCE = {EdgeType.EN, EdgeType.SN, EdgeType.ER, EdgeType.SR};

  private StrongCycles() {}

  /** One type per edge making the circle strong, or null when none exists. */
  static EdgeType[] choose(List<LockOrderEdge> edges) {
    int n = edges.size();
    for (EdgeType first : PREFERENCE) {
      if (!edges.get(0).witnesses().containsKey(first)) continue;
      EdgeType[] pick = new EdgeType[n];
      pick[0] = first;
      if (extend(edges, pick, 1)) return pick;
    }
    return null;
  }

  private static boolean extend(List<LockOrderEdge> edges, EdgeType[] pick, int i) {
    int n = edges.size();
    if (i == n) return compatible(pick[n - 1], pick[0]);
    for (EdgeType t : PREFERENCE) {
      if (!edges.get(i).witnesses().containsKey(t) || !compatible(pick[i - 1], t)) continue;
      pick[i] = t;
      if (extend(edges, pick, i + 1)) return true;
    }
    return false;
  }

  /** May {@code in} (into lock L) be followed by {@code out} (out of L) on a strong path? */
  static boolean compatible(EdgeType in, EdgeType out) {
    return !(in.toRecursive() && out.fromShared());
  }
}
