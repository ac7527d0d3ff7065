package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.CType;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Mode;
import org.lockorder.ir.Node;

/**
 * Code the analyzed program does not contain but runs anyway, built from lock-model data as an
 * ordinary IR function: the page-fault handler, memory reclaim, and stand-ins for functions
 * outside the analyzed tree (filemap_fault when only fs/ is analyzed). Each optionally takes one
 * lock, calls one of the functions stored in the given ops-table slots, then drops the lock.
 * Being functions, they get summaries, witnesses and call-graph components like any other code.
 */
final class SyntheticFunction {
  /** Where synthetic code is "located" in witnesses. */
  static final Location LOCATION = new Location("<lock model>", 0, 0);

  static final String PAGE_FAULT = "<page fault>";
  static final String RECLAIM = "<fs reclaim>";

  private SyntheticFunction() {}

  /** The lock a synthetic function holds around its calls. */
  record HeldAround(String lockClass, String kind, Mode mode, String api) {}

  /** The function and, per call node, how its target was found. */
  record Built(Function function, Map<Integer, CallTarget> targets) {}

  /**
   * @param name the function's name; "&lt;page fault&gt;" style names cannot clash with C
   * @param lock held around the calls, or null
   * @param callees one call node per target, any one of which runs
   */
  static Built build(String name, HeldAround lock, List<CallTarget> callees) {
    // Layout: 0 entry -> 2 acquire -> 3 switch -> (one call node per callee) -> release -> 1 exit.
    List<Node> nodes = new ArrayList<>();
    int release = 4 + callees.size();
    nodes.add(new Node(0, null, List.of(2), null));
    nodes.add(new Node(1, null, List.of(), null));
    LockRef ref = lock == null ? null : new LockRef(null, lock.lockClass(), null);
    Event take = ref == null ? null
        : new Event.Acquire(ref, lock.kind(), lock.mode(), AcquireStyle.BLOCKING, lock.api(), LOCATION);
    nodes.add(new Node(2, take, List.of(3), null));
    List<Integer> cases = new ArrayList<>();
    for (int i = 0; i < callees.size(); i++) cases.add(4 + i);
    cases.add(release);
    nodes.add(new Node(3, null, cases, null));
    Map<Integer, CallTarget> targets = new HashMap<>();
    for (int i = 0; i < callees.size(); i++) {
      CallTarget t = callees.get(i);
      Location at = t.storedAt() == null ? LOCATION : t.storedAt();
      nodes.add(new Node(4 + i, new Event.Call(t.function().name(), List.of(), at), List.of(release), null));
      targets.put(4 + i, t);
    }
    Event drop = ref == null ? null : new Event.Release(ref, lock.api(), LOCATION);
    nodes.add(new Node(release, drop, List.of(1), null));
    Function fn =
        new Function(
            name, LOCATION, true, new CType("int", 0, false), List.of(), Map.of(), List.of(), List.of(), new Cfg(nodes));
    return new Built(fn, targets);
  }
}
