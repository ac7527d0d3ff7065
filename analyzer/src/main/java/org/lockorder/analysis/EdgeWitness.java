package org.lockorder.analysis;

import java.util.List;
import org.lockorder.ir.Location;

/**
 * Proof of one lock-order edge "holds {@code held}, acquires {@code acquired}": a thread enters at
 * {@code entryChain}'s first function, calls down to {@code frame}, where both sites are visible.
 *
 * @param entryChain calls from an entry point down to {@code frame}; empty when {@code frame} is
 *     itself the entry point
 * @param entry the entry point where the thread starts
 * @param entryLocation where {@code entry} is defined
 * @param frame the function in which the held lock is held while the other is acquired
 */
public record EdgeWitness(
    String entry,
    Location entryLocation,
    List<CallStep> entryChain, String frame, Site held, Site acquired) {

  public EdgeWitness {
    entryChain = List.copyOf(entryChain);
  }
}
