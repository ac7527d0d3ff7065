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
    /** The frame of the last gated occurrence, and its entry in {@link #gatesByFrame}. */
    Function lastFrame;
    Set<LockClass> lastGates;

    Pair(LockClass from, LockClass to) {
      this.from = from;
      this.to = to;
    }
  }

  /**
   * Pairs by (from id, to id) while recording (this is the analysis' hottest lookup); sorted
   * only when read. Class ids come from {@link #id}.
   */
  private final PairTable pairs = new PairTable();
  /** Class ids by reference: the resolver hands out one object per class, so this is the fast path. */
  private final Map<LockClass, Integer> idByRef = new IdentityHashMap<>();
  private final Map<LockClass, Integer> idByValue = new HashMap<>();

  private int id(LockClass c) {
    Integer id = idByRef.get(c);
    if (id == null) {
      id = idByValue.get(c);
      if (id == null) idByValue.put(c, id = idByValue.size());
      idByRef.put(c, id);
    }
    return id;
  }

  /**
   * Records one occurrence. {@code gates} may be kept: nobody modifies it afterwards, and the
   * store does not modify it either.
   */
  void record(EdgeType type, Function frame, Site held, Site acquired, Set<LockClass> gates) {
    long key = ((long) id(held.lockClass()) << 32) | id(acquired.lockClass());
    Pair p = pairs.get(key);
    if (p == null) pairs.put(key, p = new Pair(held.lockClass(), acquired.lockClass()));
    Occurrence old = p.best.get(type);
    if (old == null || held.calls().size() + acquired.calls().size() < old.length()) {
      p.best.put(type, new Occurrence(frame, held, acquired));
    }
    if (gates.isEmpty()) {
      if (p.ungatedFrames.isEmpty() || p.ungatedFrames.get(p.ungatedFrames.size() - 1) != frame) p.ungatedFrames.add(frame);
      return;
    }
    // Occurrences of one pair come in runs from one frame: the pair remembers the last frame's set.
    Set<LockClass> seen = p.lastFrame == frame ? p.lastGates : p.gatesByFrame.get(frame);
    if (seen == null) {
      p.gatesByFrame.put(frame, seen = gates);
    } else if (!seen.isEmpty() && seen != gates && !gates.containsAll(seen)) {
      Set<LockClass> both = new TreeSet<>(seen);
      both.retainAll(gates);
      p.gatesByFrame.put(frame, seen = both);
    }
    p.lastFrame = frame;
    p.lastGates = seen;
  }

  /** An open-addressing map from a pair's two class ids to the pair. */
  private static final class PairTable {
    private long[] keys = new long[1024];
    private Pair[] values = new Pair[1024];
    private int size;

    Pair get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        Pair v = values[i];
        if (v == null || keys[i] == key) return v;
      }
    }

    void put(long key, Pair value) {
      if (2 * (size + 1) > keys.length) grow();
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (values[i] != null && keys[i] != key) i = (i + 1) & mask;
      if (values[i] == null) size++;
      keys[i] = key;
      values[i] = value;
    }

    private void grow() {
      long[] oldKeys = keys;
      Pair[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new Pair[oldValues.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != null) put(oldKeys[i], oldValues[i]);
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 32) & mask;
    }

    List<Pair> values() {
      List<Pair> out = new ArrayList<>(size);
      for (Pair p : values) if (p != null) out.add(p);
      return out;
    }
  }

  /** Pairs in a deterministic order (by from, then to). */
  Iterable<Pair> pairs() {
    List<Pair> all = pairs.values();
    all.sort(Comparator.comparing((Pair p) -> p.from).thenComparing(p -> p.to));
    return all;
  }

  int size() {
    return pairs.size;
  }
}
