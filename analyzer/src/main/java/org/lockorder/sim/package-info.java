/**
 * The simulator: re-executes a finding's threads and either confirms the deadlock with a concrete
 * schedule or says why it cannot happen.
 *
 * <p>Pipeline inside the package: {@link org.lockorder.sim.Route} (the witness as waypoints) →
 * {@link org.lockorder.sim.WitnessWalker} (walks the IR along the route, independently of the
 * summaries, into a list of {@link org.lockorder.sim.LockOp}s) → {@link org.lockorder.sim.ThreadBuilder}
 * (names lock instances, adds waiting writers and interrupt handlers) → {@link
 * org.lockorder.sim.Scheduler} (explores interleavings with real lock semantics) → {@link
 * org.lockorder.sim.Simulator} (the verdict).
 */
package org.lockorder.sim;
