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

  /**
   * One observed occurrence, before the entry chain is known. {@code runsFor}: the file systems
   * whose objects both paths can run for (ADR-003), which the entry chain must agree with.
   */
  record Occurrence(Function frame, Site held, Site acquired, FileSystemSet runsFor) {}

  static final class Pair {
    private static final EdgeType[] TYPES = EdgeType.values();

    final LockClass from;
    final LockClass to;
    /**
     * Per {@link EdgeType}, in its order: the best occurrence and its length. Fields rather than
     * arrays, because every record reads them: two arrays were two more objects to fetch from
     * cold memory per occurrence.
     */
    private Occurrence bestEn;
    private Occurrence bestSn;
    private Occurrence bestEr;
    private Occurrence bestSr;
    private int lengthEn;
    private int lengthSn;
    private int lengthEr;
    private int lengthSr;
    /** Per frame: the intersection of the gate sets seen there, for frames never seen ungated. */
    private Map<Function, Set<LockClass>> gatesByFrame; // made on the first gated occurrence
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

    Pair(LockClass from, LockClass to) {
      this.from = from;
      this.to = to;
    }

    /** The best occurrence per dependency type, in {@link EdgeType} order. */
    Map<EdgeType, Occurrence> best() {
      Map<EdgeType, Occurrence> out = new EnumMap<>(EdgeType.class);
      for (EdgeType t : TYPES) if (best(t) != null) out.put(t, best(t));
      return out;
    }

    Occurrence best(EdgeType t) {
      return switch (t) {
        case EN -> bestEn;
        case SN -> bestSn;
        case ER -> bestEr;
        case SR -> bestSr;
      };
    }

    /**
     * Keeps the occurrence when it is the first of its type or shorter than the best one. The
     * acquired site is {@code acquired}, or when {@code through} is not null {@code acquired}
     * seen through that call, made only if kept.
     */
    private void offer(EdgeType t, int length, Function frame, Site held, Site acquired, CallStep through, FileSystemSet runsFor) {
      if (length >= length(t)) return;
      keep(t, length, new Occurrence(frame, held, through == null ? acquired : acquired.through(through), runsFor));
    }

    /** The best occurrence's length, or the largest int when there is none. */
    int length(EdgeType t) {
      return switch (t) {
        case EN -> bestEn == null ? Integer.MAX_VALUE : lengthEn;
        case SN -> bestSn == null ? Integer.MAX_VALUE : lengthSn;
        case ER -> bestEr == null ? Integer.MAX_VALUE : lengthEr;
        case SR -> bestSr == null ? Integer.MAX_VALUE : lengthSr;
      };
    }

    void keep(EdgeType t, int length, Occurrence o) {
      switch (t) {
        case EN -> { bestEn = o; lengthEn = length; }
        case SN -> { bestSn = o; lengthSn = length; }
        case ER -> { bestEr = o; lengthEr = length; }
        case SR -> { bestSr = o; lengthSr = length; }
      }
    }

    /** Notes an occurrence in {@code frame} with no gate (repeats in a row are kept once). */
    void ungated(Function frame) {
      if (lastUngated != frame) {
        ungatedFrames.add(frame);
        lastUngated = frame;
      }
    }

    /**
     * Intersects the gates seen in {@code frame} with {@code gates} and remembers the result as
     * the last frame's: occurrences of one pair come in runs from one frame.
     */
    /** Per frame never seen ungated: the gates seen there every time. */
    Map<Function, Set<LockClass>> gatesByFrame() {
      return gatesByFrame == null ? Map.of() : gatesByFrame;
    }

    void gated(Function frame, Set<LockClass> gates) {
      if (gatesByFrame == null) gatesByFrame = new IdentityHashMap<>(4);
      Set<LockClass> seen = lastFrame == frame ? lastGates : gatesByFrame.get(frame);
      if (seen == null) {
        gatesByFrame.put(frame, seen = gates);
      } else if (!seen.isEmpty() && seen != gates && !gates.containsAll(seen)) {
        Set<LockClass> both = new TreeSet<>(seen);
        both.retainAll(gates);
        gatesByFrame.put(frame, seen = both);
      }
      lastFrame = frame;
      lastGates = seen;
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

  /** The last held class recorded, and its id: occurrences come in runs with one held lock. */
  private LockClass lastHeldClass;
  private int lastHeldId;

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
    record(type, frame, held, acquired, null, gates, FileSystemSet.ANY);
  }

  /**
   * Records one occurrence whose acquired site is {@code acquired} seen through the call {@code
   * through} (when not null), without making that site unless the occurrence becomes a witness:
   * a recursion's propagation records tens of millions of occurrences, few of them the shortest.
   */
  void record(
      EdgeType type, Function frame, Site held, Site acquired, CallStep through, Set<LockClass> gates, FileSystemSet runsFor) {
    LockClass heldClass = held.lockClass();
    if (heldClass != lastHeldClass) {
      lastHeldClass = heldClass;
      lastHeldId = id(heldClass);
    }
    int from = lastHeldId;
    int to = id(acquired.lockClass());
    Pair p = pairs.get(from, to);
    if (p == null) pairs.add(from, to, p = new Pair(held.lockClass(), acquired.lockClass()));
    int length = held.calls().size() + acquired.calls().size() + (through == null ? 0 : 1);
    p.offer(type, length, frame, held, acquired, through, runsFor);
    if (gates.isEmpty()) p.ungated(frame);
    else p.gated(frame, gates);
  }

  /**
   * Adds what {@code later} recorded as if its occurrences had been recorded here after this
   * store's own: a pair keeps its first shortest witness per type, its ungated frames their order,
   * and the gates per frame are intersected. So stores filled one per component, each after its
   * callees, and added in the components' order, equal one store filled by running them in order.
   */
  void addAll(EdgeStore later) {
    for (Pair q : later.pairs.values()) {
      int from = id(q.from);
      int to = id(q.to);
      Pair p = pairs.get(from, to);
      if (p == null) pairs.add(from, to, p = new Pair(q.from, q.to));
      for (EdgeType t : Pair.TYPES) {
        Occurrence o = q.best(t);
        if (o != null && q.length(t) < p.length(t)) p.keep(t, q.length(t), o);
      }
      for (Function f : q.ungatedFrames) p.ungated(f);
      for (Map.Entry<Function, Set<LockClass>> e : q.gatesByFrame().entrySet()) p.gated(e.getKey(), e.getValue());
    }
  }

  /**
   * The pairs by their two class ids: one small open-addressing table of "to" ids per "from" id.
   * Occurrences come in runs with one held lock and many acquired ones (a callee's summary
   * applied under it), so a run probes one row's int keys, which stay in cache, and reads only
   * the pair it needs (on Linux 6.1 the store holds 140,000 pairs, looked up tens of millions of
   * times; a single table probed through the pairs' own keys missed the cache at every probe).
   */
  private static final class PairTable {
    private Row[] rows = new Row[64];
    private int size;

    Pair get(int from, int to) {
      Row row = from < rows.length ? rows[from] : null;
      return row == null ? null : row.get(to);
    }

    /** Adds a pair whose ids are not in the table. */
    void add(int from, int to, Pair p) {
      if (from >= rows.length) rows = java.util.Arrays.copyOf(rows, Math.max(from + 1, 2 * rows.length));
      Row row = rows[from];
      if (row == null) rows[from] = row = new Row();
      row.add(to, p);
      size++;
    }

    List<Pair> values() {
      List<Pair> out = new ArrayList<>(size);
      for (Row row : rows) {
        if (row == null) continue;
        for (Pair p : row.pairs) if (p != null) out.add(p);
      }
      return out;
    }
  }

  /** One "from" id's pairs: keys hold the "to" id plus one (0 is a free slot), at most half full. */
  private static final class Row {
    private int[] keys = new int[4];
    private Pair[] pairs = new Pair[4];
    private int size;

    Pair get(int to) {
      int mask = keys.length - 1;
      int key = to + 1;
      for (int i = slot(to, mask); ; i = (i + 1) & mask) {
        int k = keys[i];
        if (k == key) return pairs[i];
        if (k == 0) return null;
      }
    }

    void add(int to, Pair p) {
      if (2 * (size + 1) > keys.length) grow();
      insert(keys, pairs, to, p);
      size++;
    }

    private static void insert(int[] keys, Pair[] pairs, int to, Pair p) {
      int mask = keys.length - 1;
      int i = slot(to, mask);
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = to + 1;
      pairs[i] = p;
    }

    private void grow() {
      int[] oldKeys = keys;
      Pair[] oldPairs = pairs;
      keys = new int[oldKeys.length * 2];
      pairs = new Pair[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) insert(keys, pairs, oldKeys[i] - 1, oldPairs[i]);
    }

    private static int slot(int to, int mask) {
      return ((to * 0x9E3779B9) >>> 16) & mask;
    }
  }

  /** The pair of two classes, added when it is new (the summary memo restores pairs this way). */
  Pair pair(LockClass from, LockClass to) {
    int f = id(from);
    int t = id(to);
    Pair p = pairs.get(f, t);
    if (p == null) pairs.add(f, t, p = new Pair(from, to));
    return p;
  }

  /** Pairs in a deterministic order (by from, then to). */
  List<Pair> pairs() {
    List<Pair> all = pairs.values();
    all.sort(Comparator.comparing((Pair p) -> p.from).thenComparing(p -> p.to));
    return all;
  }

  int size() {
    return pairs.size;
  }
}
