package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
  private final Map<Function, Chain> cache = new IdentityHashMap<>();
  /** Chains that must run for some file systems: by those, then by function. */
  private final Map<FileSystemSet, Map<Function, Chain>> confined = new HashMap<>();

  private record Chain(Function entry, List<CallStep> steps) {}

  EntryChains(CallGraph graph) {
    this.graph = graph;
  }

  /** The entry point reached by {@link #chainTo}; the function itself when it is one. */
  Function entry(Function f) {
    return chain(f, FileSystemSet.ANY).entry();
  }

  /** Calls from the nearest entry point down to {@code f}; empty when {@code f} is an entry. */
  List<CallStep> chainTo(Function f) {
    return chain(f, FileSystemSet.ANY).steps();
  }

  /**
   * The entry point of {@link #chainTo(Function, FileSystemSet)}.
   */
  Function entry(Function f, FileSystemSet runsFor) {
    return chain(f, runsFor).entry();
  }

  /**
   * The same for an edge whose paths run only for {@code runsFor}'s file systems (ADR-003): the
   * chain passes through no other file system's code, so the thread shows a caller whose objects
   * the paths below can be for. The nearest chain when there is no such one.
   */
  List<CallStep> chainTo(Function f, FileSystemSet runsFor) {
    return chain(f, runsFor).steps();
  }

  private Chain chain(Function f, FileSystemSet runsFor) {
    Map<Function, Chain> byFunction = runsFor.isAny() ? cache : confined.computeIfAbsent(runsFor, k -> new IdentityHashMap<>());
    Chain cached = byFunction.get(f);
    if (cached != null) return cached;
    Chain made = search(f, runsFor);
    if (made == null && !runsFor.isAny()) made = chain(f, FileSystemSet.ANY);
    if (made == null) made = new Chain(f, List.of()); // only reachable through a recursion nobody enters
    byFunction.put(f, made);
    return made;
  }

  /** Breadth first from {@code f} up its callers to an entry point; null when none is reached. */
  private Chain search(Function f, FileSystemSet runsFor) {
    FileSystems fileSystems = graph.fileSystems();
    Map<Function, Function> next = new IdentityHashMap<>();
    ArrayDeque<Function> queue = new ArrayDeque<>();
    queue.add(f);
    next.put(f, f);
    Function found = null;
    while (!queue.isEmpty()) {
      Function g = queue.poll();
      if (graph.entryReason(g) != null) {
        found = g;
        break;
      }
      for (Function caller : graph.callers(g)) {
        if (next.containsKey(caller) || !runsFor(caller, runsFor, fileSystems)) continue;
        next.put(caller, g);
        queue.add(caller);
      }
    }
    if (found == null) return null;
    List<CallStep> chain = new ArrayList<>();
    for (Function at = found; at != f; at = next.get(at)) chain.add(callStep(at, next.get(at)));
    return new Chain(found, Collections.unmodifiableList(chain));
  }

  /** Whether {@code caller}'s code can work on objects of {@code runsFor}'s file systems. */
  private static boolean runsFor(Function caller, FileSystemSet runsFor, FileSystems fileSystems) {
    if (runsFor.isAny()) return true;
    String file = caller.location().file();
    int own = fileSystems.of(file);
    return own == FileSystems.SHARED || runsFor.contains(own) || fileSystems.stacking(file);
  }

  private CallStep callStep(Function caller, Function callee) {
    List<Node> nodes = caller.cfg().nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      List<CallTarget> ts = graph.targets(caller, n.id());
      for (int k = 0; k < ts.size(); k++) {
        CallTarget t = ts.get(k);
        if (t.function() == callee) {
          Event e = n.event();
          return new CallStep(caller.name(), e.location(), callee.name(), t.viaAt(e));
        }
      }
    }
    return new CallStep(caller.name(), caller.location(), callee.name(), null);
  }
}
