package org.lockorder.ir;

import java.util.List;

/**
 * One CFG node: an event (or null for a join, a no-op or a branch) and its successors.
 *
 * <p>A branch node has a null event and two successors, the true edge first. When the branch
 * condition tests the result of a call made just before it ({@code if (!mutex_trylock(&l))},
 * {@code ret = mutex_lock_killable(&m); if (ret)}), {@code test} says which call node and how.
 * A switch node has a null event, a null test and one successor per case.
 */
public record Node(int id, Event event, List<Integer> successors, CallResultTest test) {

  public Node {
    successors = List.copyOf(successors);
  }

  /**
   * The condition of a branch is the result of the call at node {@code callNode}.
   *
   * @param trueWhenNonzero true when the true edge is taken if the call returned non-zero
   */
  public record CallResultTest(int callNode, boolean trueWhenNonzero) {}
}
