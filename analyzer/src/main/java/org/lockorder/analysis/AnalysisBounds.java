package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a bound cut the held-lock analysis, by bound, so that a user can judge how much of the
 * result is a cut-off rather than a fixpoint.
 *
 * @param functions distinct functions cut by any bound (members of an unsettled recursion count)
 * @param heldStates functions where a program point had more distinct held-lock states than the
 *     per-node bound, so the extra states were not followed
 * @param exitEffects functions with more distinct effects on the held locks at their returns than
 *     a summary keeps, so some return paths were not passed to callers
 * @param recursions recursions (mutually recursive functions) that stopped before a fixpoint
 */
public record AnalysisBounds(int functions, int heldStates, int exitEffects, List<Recursion> recursions) {
  public static final AnalysisBounds NONE = new AnalysisBounds(0, 0, 0, List.of());

  public AnalysisBounds {
    recursions = List.copyOf(recursions);
  }

  /**
   * A recursion that stopped before a fixpoint.
   *
   * @param functions how many functions it has
   * @param around its first function, "name (file:line:col)"
   * @param stoppedBy which bounds stopped it, in the order they did
   */
  public record Recursion(int functions, String around, List<String> stoppedBy) {
    public Recursion {
      stoppedBy = List.copyOf(stoppedBy);
    }
  }

  /** The figures of two programs analyzed apart (--per-file) together. */
  public AnalysisBounds plus(AnalysisBounds other) {
    List<Recursion> all = new ArrayList<>(recursions);
    all.addAll(other.recursions);
    return new AnalysisBounds(
        functions + other.functions, heldStates + other.heldStates, exitEffects + other.exitEffects, all);
  }
}
