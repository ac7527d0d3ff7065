package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Function;

/**
 * Collects lock-order edges as the summaries discover them: per class pair and dependency type the
 * best witness (shortest call paths, first found on a tie), and per frame the gate locks held.
 */
final class EdgeStore {

  /** One observed occurrence, before the entry chain is known. */
  record Occurrence(Function frame, Site held, Site acquired) {
    int length() {
      return held.calls().size() + acquired.calls().size();
    }
  }

  static final class Pair {
    final LockClass from;
    final LockClass to;
    final Map<EdgeType, Occurrence> best = new EnumMap<>(EdgeType.class);
    /** Per frame: the intersection of the gate sets seen there. */
    final Map<Function, Set<LockClass>> gatesByFrame = new IdentityHashMap<>();

    Pair(LockClass from, LockClass to) {
      this.from = from;
      this.to = to;
    }
  }

  /** Hashed while recording (this is the analysis' hottest map); sorted only when read. */
  private final Map<LockClass, Map<LockClass, Pair>> pairs = new HashMap<>();

  void record(EdgeType type, Function frame, Site held, Site acquired, Set<LockClass> gates) {
    Pair p =
        pairs
            .computeIfAbsent(held.lockClass(), k -> new HashMap<>())
            .computeIfAbsent(acquired.lockClass(), k -> new Pair(held.lockClass(), acquired.lockClass()));
    Occurrence old = p.best.get(type);
    if (old == null || held.calls().size() + acquired.calls().size() < old.length()) {
      p.best.put(type, new Occurrence(frame, held, acquired));
    }
    Set<LockClass> seen = p.gatesByFrame.get(frame);
    if (seen == null) {
      p.gatesByFrame.put(frame, gates.isEmpty() ? Set.of() : new TreeSet<>(gates));
    } else if (!seen.isEmpty()) {
      seen.retainAll(gates);
    }
  }

  /** Pairs in a deterministic order (by from, then to). */
  Iterable<Pair> pairs() {
    List<Pair> all = new ArrayList<>(size());
    for (Map<LockClass, Pair> m : pairs.values()) all.addAll(m.values());
    all.sort(Comparator.comparing((Pair p) -> p.from).thenComparing(p -> p.to));
    return all;
  }

  int size() {
    return pairs.values().stream().mapToInt(Map::size).sum();
  }
}
