package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.CType;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Node;
import org.lockorder.model.PageFaultModel;

/**
 * Builds the implicit page-fault handler as an ordinary IR function, from lock-model data: take
 * the mmap lock, then call one of the fault handlers stored in the program's ops tables, then
 * drop the lock. Treating it as a function lets summaries, witnesses and SCCs handle it like any
 * other code.
 */
final class PageFaultHandler {
  /** The handler's name in witnesses; not a C identifier, so it cannot clash. */
  static final String NAME = "<page fault>";

  static final Location LOCATION = new Location("<lock model>", 0, 0);

  private PageFaultHandler() {}

  /** The handler function and, per call node, how its target was found. */
  record Built(Function function, Map<Integer, CallTarget> targets) {}

  /**
   * @param slots the call graph's index of functions stored in "struct.field" slots (by ops-table
   *     initializers or by assignments in code)
   */
  static Built build(PageFaultModel model, java.util.function.Function<String, List<CallTarget>> slots) {
    List<CallTarget> handlers = new ArrayList<>();
    for (String slot : model.handlerFields()) handlers.addAll(slots.apply(slot));
    // Layout: 0 entry -> 2 acquire -> 3 switch -> (one call node per handler) -> release -> 1 exit.
    List<Node> nodes = new ArrayList<>();
    int release = 4 + handlers.size();
    nodes.add(new Node(0, null, List.of(2), null));
    nodes.add(new Node(1, null, List.of(), null));
    LockRef mmap = new LockRef(null, model.lockClass(), null);
    nodes.add(
        new Node(
            2,
            new Event.Acquire(mmap, model.kind(), model.mode(), AcquireStyle.BLOCKING, "page fault", LOCATION),
            List.of(3),
            null));
    List<Integer> cases = new ArrayList<>();
    for (int i = 0; i < handlers.size(); i++) cases.add(4 + i);
    cases.add(release);
    nodes.add(new Node(3, null, cases, null));
    Map<Integer, CallTarget> targets = new java.util.HashMap<>();
    for (int i = 0; i < handlers.size(); i++) {
      CallTarget t = handlers.get(i);
      Location at = t.storedAt();
      nodes.add(new Node(4 + i, new Event.Call(t.function().name(), List.of(), at), List.of(release), null));
      targets.put(4 + i, t);
    }
    nodes.add(new Node(release, new Event.Release(mmap, "page fault", LOCATION), List.of(1), null));
    Function fn =
        new Function(
            NAME, LOCATION, true, new CType("vm_fault_t", 0, false), List.of(), Map.of(), List.of(), List.of(), new Cfg(nodes));
    return new Built(fn, targets);
  }
}
