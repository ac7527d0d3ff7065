package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * Finds, for a function, the shortest call chain from an entry point (a function that can start a
 * thread of its own) down to it, so that every witness starts where a thread can start.
 */
final class EntryChains {
  private final CallGraph graph;
  private final Map<Function, List<CallStep>> cache = new IdentityHashMap<>();
  private final Map<Function, Function> entryOf = new IdentityHashMap<>();

  EntryChains(CallGraph graph) {
    this.graph = graph;
  }

  /** The entry point reached by {@link #chainTo}; the function itself when it is one. */
  Function entry(Function f) {
    chainTo(f);
    return entryOf.get(f);
  }

  /** Calls from the nearest entry point down to {@code f}; empty when {@code f} is an entry. */
  List<CallStep> chainTo(Function f) {
    List<CallStep> cached = cache.get(f);
    if (cached != null) return cached;
    Map<Function, Function> next = new IdentityHashMap<>();
    ArrayDeque<Function> queue = new ArrayDeque<>();
    queue.add(f);
    next.put(f, f);
    Function found = null;
    while (!queue.isEmpty() && found == null) {
      Function g = queue.poll();
      if (graph.entryReason(g) != null) {
        found = g;
        break;
      }
      for (Function caller : graph.callers(g)) {
        if (!next.containsKey(caller)) {
          next.put(caller, g);
          queue.add(caller);
        }
      }
    }
    List<CallStep> chain = new ArrayList<>();
    if (found == null) {
      // Only reachable through a recursion nobody enters: start the thread at f itself.
      found = f;
    }
    for (Function at = found; at != f; at = next.get(at)) {
      Function callee = next.get(at);
      chain.add(callStep(at, callee));
    }
    List<CallStep> result = Collections.unmodifiableList(chain);
    cache.put(f, result);
    entryOf.put(f, found);
    return result;
  }

  private CallStep callStep(Function caller, Function callee) {
    for (Node n : caller.cfg().nodes()) {
      for (CallTarget t : graph.targets(caller, n.id())) {
        if (t.function() == callee) {
          Event e = n.event();
          return new CallStep(caller.name(), e.location(), callee.name(), t.via());
        }
      }
    }
    return new CallStep(caller.name(), caller.location(), callee.name(), null);
  }
}
