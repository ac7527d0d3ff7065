package org.lockorder.graph;

/**
 * Limits that keep cycle search bounded on dense graphs.
 *
 * @param maxLength longest cycle searched for (number of classes)
 * @param maxCycles most strong cycles reported
 * @param maxSteps most search steps (path extensions) over all components
 */
public record SearchBounds(int maxLength, int maxCycles, long maxSteps) {
  public static final SearchBounds DEFAULT = new SearchBounds(6, 1000, 2_000_000L);
}
