package org.lockorder.sim;

/**
 * The simulator's limits. Hitting one makes a verdict {@code inconclusive}, naming the limit.
 *
 * @param walkItems path states one function's walk may visit
 * @param callDepth how deep the walk follows calls off the witness's route
 * @param exitsPerCall distinct ways one call may return that the walk keeps
 * @param states scheduler states per finding
 * @param millis wall-clock time per finding's schedule search
 */
public record SimulationBounds(int walkItems, int callDepth, int exitsPerCall, int states, long millis) {
  public static final SimulationBounds DEFAULT = new SimulationBounds(20_000, 6, 8, 200_000, 5_000);
}
