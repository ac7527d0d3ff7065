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
  record Occurrence(Function frame, Site held, Site acquired) {}

  static final class Pair {
    private static final EdgeType[] TYPES = EdgeType.values();

    final LockClass from;
    final LockClass to;
    /** The two class ids ({@link #id}), the key of {@link PairTable}. */
    private final long key;
    /** By {@link EdgeType} ordinal: the best occurrence and its length (read on every record). */
    private final Occurrence[] best = new Occurrence[TYPES.length];
    private final int[] bestLength = new int[TYPES.length];
    /** Per frame: the intersection of the gate sets seen there, for frames never seen ungated. */
    final Map<Function, Set<LockClass>> gatesByFrame = new IdentityHashMap<>(4);
    /**
     * Frames where the pair was seen with no gate at all (the common case, so a list, not a map;
     * repeats are harmless to an intersection).
     */
    final List<Function> ungatedFrames = new ArrayList<>(2);
    /** The last element of {@link #ungatedFrames}. */
    private Function lastUngated;
    /** The frame of the last gated occurrence, and its entry in {@link #gatesByFrame}. */
    private Function lastFrame;
    private Set<LockClass> lastGates;

    Pair(LockClass from, LockClass to, long key) {
      this.from = from;
      this.to = to;
      this.key = key;
    }

    /** The best occurrence per dependency type, in {@link EdgeType} order. */
    Map<EdgeType, Occurrence> best() {
      Map<EdgeType, Occurrence> out = new EnumMap<>(EdgeType.class);
      for (int i = 0; i < best.length; i++) if (best[i] != null) out.put(TYPES[i], best[i]);
      return out;
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
    if (p == null) pairs.add(p = new Pair(held.lockClass(), acquired.lockClass(), key));
    int t = type.ordinal();
    int length = held.calls().size() + acquired.calls().size();
    if (p.best[t] == null || length < p.bestLength[t]) {
      p.best[t] = new Occurrence(frame, held, acquired);
      p.bestLength[t] = length;
    }
    if (gates.isEmpty()) {
      if (p.lastUngated != frame) {
        p.ungatedFrames.add(frame);
        p.lastUngated = frame;
      }
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

  /**
   * An open-addressing map from a pair's two class ids to the pair, which holds its key: a lookup
   * reads the slot and the pair it needs anyway, and no separate key array (on Linux 6.1 the
   * table holds 140,000 pairs, looked up from cold memory at every recorded occurrence).
   */
  private static final class PairTable {
    private Pair[] slots = new Pair[1024];
    private int size;

    Pair get(long key) {
      int mask = slots.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        Pair p = slots[i];
        if (p == null || p.key == key) return p;
      }
    }

    /** Adds a pair whose key is not in the table. */
    void add(Pair p) {
      if (2 * (size + 1) > slots.length) grow();
      insert(slots, p);
      size++;
    }

    private static void insert(Pair[] into, Pair p) {
      int mask = into.length - 1;
      int i = slot(p.key, mask);
      while (into[i] != null) i = (i + 1) & mask;
      into[i] = p;
    }

    private void grow() {
      Pair[] bigger = new Pair[slots.length * 2];
      for (Pair p : slots) if (p != null) insert(bigger, p);
      slots = bigger;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 32) & mask;
    }

    List<Pair> values() {
      List<Pair> out = new ArrayList<>(size);
      for (Pair p : slots) if (p != null) out.add(p);
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
