package org.lockorder.ir;

import java.util.List;

/**
 * One CFG node: an event (or null for a join, a no-op or a branch) and its successors.
 *
 * <p>A branch node has a null event and two successors, the true edge first. When the branch
 * condition tests the result of a call made just before it ({@code if (!mutex_trylock(&l))},
 * {@code ret = mutex_lock_killable(&m); if (ret)}), {@code test} says which call node and how.
 * When the condition reads only variables that keep their value through the body (parameters
 * never assigned, initialized-once locals of the outer block) and constants, {@code condition}
 * names it, so that two branches on the same condition can be taken consistently. When it tests
 * whether a local variable or parameter is NULL, {@code pointerTest} names the variable and where
 * it was last assigned. A switch node has a null event, null tests and one successor per case. A
 * {@link Event.Return} node's {@code test} names the call whose result it returns, if any.
 */
public record Node(
    int id, Event event, List<Integer> successors, CallResultTest test, Condition condition, PointerTest pointerTest) {

  public Node {
    successors = List.copyOf(successors);
  }

  public Node(int id, Event event, List<Integer> successors, CallResultTest test) {
    this(id, event, successors, test, null, null);
  }

  /** This node with another event (a lowered lock call), the tests kept. */
  public Node withEvent(Event e) {
    return new Node(id, e, successors, test, condition, pointerTest);
  }

  /** This node with other successors (none after a call that never returns), the tests kept. */
  public Node withSuccessors(List<Integer> next) {
    return new Node(id, event, next, test, condition, pointerTest);
  }

  /**
   * The condition of a branch is the result of the call at node {@code callNode}.
   *
   * @param trueWhenNonzero true when the true edge is taken if the call returned non-zero (for an
   *     error test, an error pointer)
   * @param error the test is {@code IS_ERR(result)}: whether the call returned an error pointer
   *     ({@code ERR_PTR(-ENOMEM)}), not whether it returned non-zero
   * @param negative the test is {@code result < 0} (true edge when {@code trueWhenNonzero}): a
   *     zero result takes the other edge, a non-zero one either, since its sign is not known
   * @param alsoFrom for a variable's test, the other calls whose result it holds on other paths,
   *     in the same sense ({@code rc = a(); if (rc == -ENOENT) rc = b(); return rc;}: b, also
   *     from a); every path's last assignment of the variable is one of these calls or {@code
   *     callNode}
   * @param comparedWith for a {@code negative} test that compares the result with a non-zero constant
   *     ({@code error == -EAGAIN}: true edge when {@code trueWhenNonzero}), the constant as written,
   *     without spaces; null for any other test. A callee's exit that returned that very constant
   *     takes the equal edge only.
   */
  public record CallResultTest(
      int callNode, boolean trueWhenNonzero, boolean error, boolean negative, List<Integer> alsoFrom, String comparedWith) {
    public CallResultTest {
      alsoFrom = List.copyOf(alsoFrom);
    }

    public CallResultTest(int callNode, boolean trueWhenNonzero, boolean error, boolean negative, List<Integer> alsoFrom) {
      this(callNode, trueWhenNonzero, error, negative, alsoFrom, null);
    }

    public CallResultTest(int callNode, boolean trueWhenNonzero) {
      this(callNode, trueWhenNonzero, false, false);
    }

    public CallResultTest(int callNode, boolean trueWhenNonzero, boolean error) {
      this(callNode, trueWhenNonzero, error, false);
    }

    public CallResultTest(int callNode, boolean trueWhenNonzero, boolean error, boolean negative) {
      this(callNode, trueWhenNonzero, error, negative, List.of());
    }

    /** Whether the result of the call at {@code node} is what this tests (on the path that made it last). */
    public boolean tests(int node) {
      return node == callNode || alsoFrom.contains(node);
    }
  }

  /**
   * The condition of a branch is whether {@code expression} (normalized source text, e.g.
   * {@code nolock} or {@code flags & XFS_ILOCK_EXCL}) is non-zero.
   *
   * @param trueWhenNonzero true when the true edge is taken if the expression is non-zero
   */
  public record Condition(String expression, boolean trueWhenNonzero) {}

  /**
   * The condition of a branch is whether local variable or parameter {@code variable} is non-NULL
   * ({@code if (mapping)}, {@code if (!lruvec)}, {@code if (p == NULL)}), whatever else the body
   * does with it; or a member path from a stable variable that the body never changes, named
   * {@code vma->anon_vma} ({@code if (vma->anon_vma)}).
   *
   * @param trueWhenNonzero true when the true edge is taken if the variable is non-NULL
   * @param lastAssigned the body's last assignment to the variable in source order (its
   *     initializer counts); for a variable assigned again only by relocks ({@code v = f(..., v,
   *     ...)}), its first; null when the body never assigns it
   */
  public record PointerTest(String variable, boolean trueWhenNonzero, Location lastAssigned, List<Copy> copies) {

    public PointerTest {
      copies = List.copyOf(copies);
    }

    public PointerTest(String variable, boolean trueWhenNonzero, Location lastAssigned) {
      this(variable, trueWhenNonzero, lastAssigned, List.of());
    }
  }

  /**
   * The tested variable, assigned only NULL or other variables, is set from {@code source} at
   * {@code at} (its last such assignment); {@code sourceSince} is where {@code source} was last
   * assigned before any lock taken through it still counts (null: never assigned).
   */
  public record Copy(String source, Location at, Location sourceSince) {}
}
