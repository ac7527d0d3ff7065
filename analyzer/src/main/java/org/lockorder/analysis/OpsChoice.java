package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One pointer to an ops table, and the tables one path has it point at: what a call through it
 * ({@code m->op->start(m)}) learnt from the targets that gave the path's state. A pointer points
 * at one table, so a later call through it on that path reaches only those tables' functions
 * (6.1's seq_file {@code traverse} calls {@code m->op->start} and then {@code m->op->stop}), and
 * a callee's exit that chose other tables for the same pointer cannot follow (ocfs2's {@code
 * ocfs2_metadata_cache_lock(ci)} and {@code ocfs2_metadata_cache_unlock(ci)}, each through {@code
 * ci->ci_ops}).
 *
 * <p>{@code pointer} is written in the function's own terms, its root a parameter the body never
 * assigns and then the members down to the table pointer ({@code "m->op"}, {@link
 * DispatchPointers}); in an exit effect, the root is the parameter's index ({@code "#0->op"}).
 */
record OpsChoice(String pointer, TableSet tables) implements Comparable<OpsChoice> {
  @Override
  public int compareTo(OpsChoice o) {
    return pointer.compareTo(o.pointer);
  }

  /**
   * What two paths to one acquisition say together (each sorted by pointer): a pointer both
   * name, with the tables of either; a pointer only one names says nothing (the other path
   * reaches the acquisition whatever it points at).
   */
  static List<OpsChoice> either(List<OpsChoice> a, List<OpsChoice> b) {
    if (a.isEmpty() || b.isEmpty()) return List.of();
    if (a.equals(b)) return a;
    List<OpsChoice> out = new ArrayList<>(Math.min(a.size(), b.size()));
    for (OpsChoice x : a) {
      for (OpsChoice y : b) {
        if (x.pointer.equals(y.pointer)) out.add(new OpsChoice(x.pointer, TableSet.union(x.tables, y.tables)));
      }
    }
    return List.copyOf(out);
  }

  /** Whether a path under {@code kept} is reached whenever one under {@code more} is (it asks no more of any pointer). */
  static boolean covers(List<OpsChoice> kept, List<OpsChoice> more) {
    if (kept.equals(more)) return true;
    for (OpsChoice k : kept) {
      TableSet m = null;
      for (OpsChoice c : more) if (c.pointer.equals(k.pointer)) m = c.tables;
      if (m == null || !TableSet.intersect(m, k.tables).equals(m)) return false;
    }
    return true;
  }
}
