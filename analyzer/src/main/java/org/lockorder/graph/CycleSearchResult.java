package org.lockorder.graph;

import java.util.List;

/**
 * The strong cycles found, and whether the search was complete.
 *
 * @param truncated true when a bound stopped the search early
 * @param reason which bound, or null
 * @param components how many non-trivial strongly connected components were searched
 */
public record CycleSearchResult(List<Cycle> cycles, boolean truncated, String reason, int components) {
  public CycleSearchResult {
    cycles = List.copyOf(cycles);
  }
}
