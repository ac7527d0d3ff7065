package org.lockorder.graph;

/**
 * Limits that keep cycle search bounded on dense graphs.
 *
 * @param maxLength longest cycle searched for (number of classes)
 * @param maxCycles most strong cycles reported
 * @param maxSteps most search steps (path extensions) over all components
 * @param maxCyclesPerClass most strong cycles reported through any one class: on a kernel tree a
 *     few hub classes (a page lock, a mapping's rwsem) close hundreds of cycles each, often through
 *     one false edge, and would otherwise fill {@code maxCycles} before other classes are reached
 */
public record SearchBounds(int maxLength, int maxCycles, long maxSteps, int maxCyclesPerClass) {
  public static final SearchBounds DEFAULT = new SearchBounds(6, 1000, 2_000_000L, 50);

  /** Bounds without a limit per class. */
  public SearchBounds(int maxLength, int maxCycles, long maxSteps) {
    this(maxLength, maxCycles, maxSteps, Integer.MAX_VALUE);
  }
}
