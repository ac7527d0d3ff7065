package org.lockorder.analysis;

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
}
