package org.lockorder.graph;

import java.util.List;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.LockClass;

/**
 * A strong lock-order cycle in canonical rotation (smallest class first): {@code classes.get(i)}
 * is held while {@code classes.get(i+1)} is acquired, the last closing back to the first. One
 * dependency type and witness per edge, chosen so that the cycle is strong.
 *
 * @param gates single-instance locks held on every edge: when non-empty the cycle is serialized
 */
public record Cycle(
    List<LockClass> classes, List<EdgeType> types, List<EdgeWitness> witnesses, List<LockClass> gates) {

  public Cycle {
    classes = List.copyOf(classes);
    types = List.copyOf(types);
    witnesses = List.copyOf(witnesses);
    gates = List.copyOf(gates);
  }

  public int length() {
    return classes.size();
  }

  /** "a -> b -> a". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (LockClass c : classes) sb.append(c).append(" -> ");
    return sb.append(classes.get(0)).toString();
  }
}
