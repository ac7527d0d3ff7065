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
    witnesses = Map.copyOf(witnesses);
    gates = Set.copyOf(gates);
  }
}
