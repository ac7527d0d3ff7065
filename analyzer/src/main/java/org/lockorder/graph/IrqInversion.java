package org.lockorder.graph;

import java.util.List;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.IrqUsage;
import org.lockorder.analysis.LockOrderEdge;

/**
 * lockdep's interrupt-safety violation: a class taken in an interrupt handler ({@code safe}) and
 * a class taken with that interrupt level enabled ({@code unsafe}), either the same class
 * ("inconsistent lock state", {@code path} empty) or connected by lock-order edges from the safe
 * class to the unsafe one. Then a CPU holding the unsafe lock with interrupts on can be
 * interrupted by a handler that waits, directly or through the path, for that same CPU. {@code
 * types} has, per edge of the path, the dependency type that makes the path strong.
 */
public record IrqInversion(IrqUsage safe, IrqUsage unsafe, List<LockOrderEdge> path, List<EdgeType> types) {
  public IrqInversion {
    path = List.copyOf(path);
    types = List.copyOf(types);
  }
}
