package org.lockorder.analysis;

import java.util.Map;
import java.util.Set;

/**
 * "{@code to} was acquired while {@code from} was held", with one witness per dependency type
 * observed. A self-edge ({@code from == to}) is lockdep's "possible recursive locking".
 *
 * @param gates single-instance locks held in every observed occurrence besides {@code from}: if
 *     a cycle's edges share one, the cycle is serialized by it
 */
public record LockOrderEdge(
    LockClass from, LockClass to, Map<EdgeType, EdgeWitness> witnesses, Set<LockClass> gates) {

  public LockOrderEdge {
    java.util.EnumMap<EdgeType, EdgeWitness> ordered = new java.util.EnumMap<>(EdgeType.class);
    ordered.putAll(witnesses);
    witnesses = java.util.Collections.unmodifiableMap(ordered); // iteration in EdgeType order
    gates = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(gates));
  }

  /**
   * The two classes alone (equal edges have equal classes): the record's hash walked every
   * witness's call paths, and the graph hashes each edge several times.
   */
  @Override
  public int hashCode() {
    return 31 * from.hashCode() + to.hashCode();
  }
}
