package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * The points of a function where page faults are disabled on every path from its entry
 * ({@code pagefault_disable()} not yet matched by {@code pagefault_enable()}): a user access there
 * cannot enter the fault handler, so the call graph has no edge from it into {@code <page fault>}.
 * 6.1's {@code strncpy_from_kernel_nofault} reads with {@code __get_kernel_nofault} between the two,
 * and that edge put {@code put_page}'s error path ({@code bad_page -> dump_page}) into the largest
 * recursion. The held-state analysis skips such accesses path by path ({@link Scopes}); the call
 * graph is built before it and needs the answer per node.
 */
final class FaultsDisabled {
  private FaultsDisabled() {}

  /**
   * By node id: true where faults are disabled on every path from the entry; null when {@code f}
   * has no may-fault access or no fault scope (nothing to compute).
   */
  static boolean[] of(Function f) {
    Cfg cfg = f.cfg();
    boolean faults = false;
    boolean scopes = false;
    for (Node n : cfg.nodes()) {
      faults |= n.event() instanceof Event.MayFault;
      scopes |= n.event() instanceof Event.FaultScope;
    }
    if (!faults || !scopes) return null;
    int size = cfg.nodes().size();
    // The least disable depth over the paths into each node (its state before the node's event),
    // -1 while no path reached it. Depths only fall, and never below 0, so this ends.
    int[] depth = new int[size];
    Arrays.fill(depth, -1);
    depth[Cfg.ENTRY] = 0;
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[size];
    work.add(Cfg.ENTRY);
    queued[Cfg.ENTRY] = true;
    while (!work.isEmpty()) {
      int id = work.poll();
      queued[id] = false;
      Node n = cfg.node(id);
      int out = depth[id];
      if (n.event() instanceof Event.FaultScope s) out = Math.max(0, out + (s.enter() ? 1 : -1));
      for (int succ : n.successors()) {
        if (depth[succ] >= 0 && depth[succ] <= out) continue;
        depth[succ] = out;
        if (!queued[succ]) {
          queued[succ] = true;
          work.add(succ);
        }
      }
    }
    boolean[] disabled = new boolean[size];
    for (int i = 0; i < size; i++) disabled[i] = depth[i] > 0;
    return disabled;
  }
}
