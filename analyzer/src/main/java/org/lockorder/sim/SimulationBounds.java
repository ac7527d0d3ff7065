package org.lockorder.sim;

/**
 * The simulator's limits. Hitting one makes a verdict {@code inconclusive}, naming the limit.
 *
 * @param walkItems path states one function's walk may visit
 * @param walkBudget path states one thread's whole walk may visit, all functions together: a
 *     deterministic cap on the cost of one finding, whatever the size of the code below it
 * @param offRouteItems path states the walk of one call off the witness's route may visit; past
 *     it the call is taken as returning with nothing changed
 * @param callDepth how deep the walk follows calls off the witness's route
 * @param exitsPerCall distinct ways one call may return that the walk keeps
 * @param states scheduler states per finding; with the path states, the only bound on a finding's
 *     cost: no bound reads the clock, so a verdict never depends on the machine or its load
 * @param runWork path states and scheduler states all findings of one run may use together; the
 *     findings left when it is spent stay {@code unchecked}, so a tree with thousands of findings
 *     costs a bounded time, and which findings those are does not depend on the machine
 */
public record SimulationBounds(
    int walkItems, int walkBudget, int offRouteItems, int callDepth, int exitsPerCall, int states, long runWork) {
  public static final SimulationBounds DEFAULT = new SimulationBounds(5_000, 50_000, 500, 6, 8, 50_000, 5_000_000L);

  /**
   * The bounds of a first look at every finding: a fifth of the path states per function, a
   * fortieth per thread and a tenth of the scheduler states. The limits that cut silently ({@code
   * offRouteItems}, {@code callDepth}, {@code exitsPerCall}) stay, so a verdict reached within these
   * bounds is the one the full bounds give; only {@code inconclusive} can differ. A tenth per
   * thread left 152 of Linux 6.1's 1,000 LO001 cycles and all 7 LO003 findings without a look, once
   * walks no longer stopped early on a call cut by another walk's budget (stop 29).
   */
  public SimulationBounds firstLook() {
    return new SimulationBounds(
        Math.max(1, walkItems / 5), Math.max(1, walkBudget / 40), offRouteItems, callDepth, exitsPerCall,
        Math.max(1, states / 10), runWork);
  }

  public SimulationBounds withStates(int value) {
    return new SimulationBounds(walkItems, walkBudget, offRouteItems, callDepth, exitsPerCall, value, runWork);
  }

  public SimulationBounds withRunWork(long value) {
    return new SimulationBounds(walkItems, walkBudget, offRouteItems, callDepth, exitsPerCall, states, value);
  }
}
