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
    /** Per frame: the intersection of the gate sets seen there, for frames never seen ungated. */
    final Map<Function, Set<LockClass>> gatesByFrame = new IdentityHashMap<>();
    /**
     * Frames where the pair was seen with no gate at all (the common case, so a list, not a map;
     * repeats are harmless to an intersection).
     */
    final List<Function> ungatedFrames = new ArrayList<>(2);

    Pair(LockClass from, LockClass to) {
      this.from = from;
      this.to = to;
    }
  }

  /** Hashed while recording (this is the analysis' hottest map); sorted only when read. */
  private final Map<LockClass, Map<LockClass, Pair>> pairs = new HashMap<>();

  /**
   * Records one occurrence. {@code gates} becomes the store's: the caller passes a fresh set and
   * does not use it afterwards.
   */
  void record(EdgeType type, Function frame, Site held, Site acquired, Set<LockClass> gates) {
    Map<LockClass, Pair> from = pairs.get(held.lockClass());
    if (from == null) pairs.put(held.lockClass(), from = new HashMap<>());
    Pair p = from.get(acquired.lockClass());
    if (p == null) from.put(acquired.lockClass(), p = new Pair(held.lockClass(), acquired.lockClass()));
    Occurrence old = p.best.get(type);
    if (old == null || held.calls().size() + acquired.calls().size() < old.length()) {
      p.best.put(type, new Occurrence(frame, held, acquired));
    }
    if (gates.isEmpty()) {
      if (p.ungatedFrames.isEmpty() || p.ungatedFrames.get(p.ungatedFrames.size() - 1) != frame) p.ungatedFrames.add(frame);
      return;
    }
    Set<LockClass> seen = p.gatesByFrame.get(frame);
    if (seen == null) {
      // The caller's set is fresh and not used after this call: kept as it is, not copied.
      p.gatesByFrame.put(frame, gates instanceof TreeSet<LockClass> mine ? mine : new TreeSet<>(gates));
    } else if (!seen.isEmpty() && seen != gates) {
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
