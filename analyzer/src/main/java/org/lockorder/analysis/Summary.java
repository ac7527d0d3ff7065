package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Mode;

/**
 * What a function does to locks, seen by its callers: which locks it may acquire (with the path to
 * each), lock-order edges it cannot name yet because they involve a parameter lock, and the net
 * effect on the held set at each kind of return.
 */
final class Summary {

  /**
   * A blocking acquisition reachable from the function, after it released {@code releasedBefore}.
   * {@code cuts} ({@link Scopes#VIA_FAULT}, {@link Scopes#VIA_RECLAIM}) says how it was reached: a
   * caller that disabled page faults (pagefault_disable) or fs reclaim (memalloc_nofs_save) does
   * not reach it that way. {@code irqsOn} ({@link Scopes#HARDIRQS_ON}, ...) says which interrupt
   * levels were enabled when it was taken, if the function was entered with them enabled.
   * {@code fileSystems} says for which file systems' objects the path to it can run (ADR-003).
   * {@code nullParams} (bit i) says which pointer parameters that path found NULL: a caller that
   * passes one a variable known not to be NULL does not take it (ADR-006, {@link PointerFacts}).
   */
  record Acquisition(
      LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems,
      long nullParams) {
    Acquisition(LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, FileSystemSet.ANY, 0L);
    }

    Acquisition(
        LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, fileSystems, 0L);
    }
  }

  /** What distinguishes pending edges in a summary. */
  record PendingId(LockKey heldKey, Mode heldMode, LockKey key, Mode mode, int cuts) {}

  /** An ordering "held, then acquire" where at least one side is a parameter lock. */
  record PendingEdge(
      HeldLock held, LockKey key, Mode mode, Site acquired, Set<LockClass> gates, int cuts) {
    PendingId identity() {
      return new PendingId(held.key(), held.mode(), key, mode, cuts);
    }
  }

  /**
   * On some return path: locks left held for the caller, caller's locks released, and whether
   * that path returned zero or not.
   */
  record ExitEffect(
      List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, Set<LockKey> releasedTwice,
      List<Object> shape) {
    ExitEffect(List<HeldLock> added, Set<LockKey> released, ReturnKind returned) {
      this(added, released, returned, 0L);
    }

    ExitEffect(List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams) {
      this(added, released, returned, nullParams, KeySet.EMPTY);
    }

    /**
     * @param nullParams bit i: this return path found parameter i NULL (a pointer parameter the
     *     function never assigns, tested with {@code if (p)}), so a caller that knows its argument
     *     is not NULL does not take it
     * @param releasedTwice the keys of {@code released} this path released twice (two of the
     *     caller's locks of one class: {@link LockState#releasedTwice})
     */
    ExitEffect(List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, Set<LockKey> releasedTwice) {
      this(added, released, returned, nullParams, releasedTwice, shape(added, released, returned, nullParams, releasedTwice));
    }

    /**
     * Everything a caller's state after the call depends on, in order (sites aside): exits of
     * different callees with equal shapes take a state to states with equal identities.
     */
    private static List<Object> shape(
        List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, Set<LockKey> releasedTwice) {
      List<Object> shape = new java.util.ArrayList<>(added.size() + 4);
      for (HeldLock h : added) shape.add(new AddedShape(h.key(), h.mode(), h.fromEntry(), h.fileSystems()));
      shape.add(returned);
      shape.add(List.copyOf(released));
      shape.add(nullParams);
      if (!releasedTwice.isEmpty()) shape.add(List.copyOf(releasedTwice));
      return List.copyOf(shape);
    }

    /** This exit without its parameter facts. */
    ExitEffect withoutFacts() {
      return nullParams == 0 ? this : new ExitEffect(added, released, returned, 0L, releasedTwice);
    }

    String identity() {
      StringBuilder sb = new StringBuilder();
      for (HeldLock h : added) {
        sb.append(h.key()).append(':').append(h.mode().letter());
        if (!h.fileSystems().isAny()) sb.append(h.fileSystems());
        sb.append(',');
      }
      Set<String> rel = new TreeSet<>();
      for (LockKey k : released) rel.add(k.toString());
      sb.append('|').append(rel).append('|').append(returned);
      if (nullParams != 0) sb.append("|null:").append(Long.toBinaryString(nullParams));
      if (!releasedTwice.isEmpty()) {
        Set<String> twice = new TreeSet<>();
        for (LockKey k : releasedTwice) twice.add(k.toString());
        sb.append("|twice:").append(twice);
      }
      return sb.toString();
    }
  }

  private record AddedShape(LockKey key, Mode mode, boolean fromEntry, FileSystemSet fileSystems) {}

  /**
   * An allocation that enters fs reclaim when the caller's argument {@code param} allows it
   * ({@code kmalloc(n, gfp)} with the function's own gfp parameter).
   */
  record ReclaimIfParam(int param, Site site) {}

  static final int MAX_EXITS = 16;

  /** One entry per lock, mode, cut and interrupt state keeps summaries small on real trees. */
  final AcquisitionTable acquisitions = new AcquisitionTable();
  /** In the order they were added; never removed, so an index names one ({@link #changes}). */
  final List<PendingEdge> pending = new ArrayList<>();
  private final Map<PendingId, Integer> pendingIndex = new HashMap<>();
  final Map<String, ExitEffect> exits = new LinkedHashMap<>();
  /** By parameter index: the first such allocation found (one witness is enough). */
  final Map<Integer, ReclaimIfParam> reclaimIfParam = new java.util.TreeMap<>();

  void addReclaimIfParam(ReclaimIfParam r) {
    reclaimIfParam.putIfAbsent(r.param(), r);
  }

  /**
   * Keeps the shortest path per acquisition identity. Paths that released different caller locks
   * first are merged by intersecting those sets, and their file systems by union: a caller then
   * records every edge that some path could make, never fewer.
   */
  void addAcquisition(Acquisition a) {
    int index = acquisitions.indexOf(a.key(), a.mode(), a.cuts(), a.irqsOn(), a.nullParams());
    if (index < 0) {
      index = acquisitions.add(a);
      if (changes != null) changes.add(index);
      return;
    }
    Acquisition old = acquisitions.get(index);
    Set<LockKey> released = old.releasedBefore();
    if (!a.releasedBefore().containsAll(released)) {
      KeySet both = KeySet.EMPTY;
      for (LockKey k : released) if (a.releasedBefore().contains(k)) both = both.with(k);
      released = both;
    }
    // The witness of the path reached for more file systems, else the shorter: a caller that keeps
    // the acquisition for its own file system then shows a path that can run for it.
    FileSystemSet was = old.fileSystems();
    FileSystemSet fileSystems = was.union(a.fileSystems());
    boolean grew = !fileSystems.equals(was);
    boolean newCoversAll = fileSystems.equals(a.fileSystems());
    Site site;
    if (grew && newCoversAll) site = a.site();
    else if (!grew && !newCoversAll) site = old.site();
    else site = a.site().calls().size() < old.site().calls().size() ? a.site() : old.site();
    if (site != old.site() || released != old.releasedBefore() || grew) {
      acquisitions.replace(index, new Acquisition(a.key(), a.mode(), site, released, a.cuts(), a.irqsOn(), fileSystems, a.nullParams()));
      // A shorter witness alone changes no caller's edges.
      if (changes != null && (released != old.releasedBefore() || grew)) changes.add(index);
    }
  }

  /**
   * Whether {@link #addAcquisition} of an acquisition with this identity (lock, mode, cuts,
   * interrupt state), a path of {@code pathLength} calls, the union of {@code released} and {@code
   * alsoReleased} released first and these file systems would leave this summary as it is (the
   * union is not made: this is asked far more often than the answer is no).
   */
  boolean covers(
      LockKey key, Mode mode, int cuts, int irqsOn, int pathLength, Set<LockKey> released, Set<LockKey> alsoReleased,
      FileSystemSet fileSystems) {
    int index = acquisitions.indexOf(key, mode, cuts, irqsOn, 0L); // a caller's copy has no parameter facts
    if (index < 0) return false;
    Acquisition old = acquisitions.get(index);
    if (pathLength < old.site().calls().size() || !old.fileSystems().containsAll(fileSystems)) return false;
    if (old.releasedBefore().isEmpty()) return true;
    for (LockKey k : old.releasedBefore()) if (!released.contains(k) && !alsoReleased.contains(k)) return false;
    return true;
  }

  void addPending(PendingEdge e) {
    if (pendingIndex.putIfAbsent(e.identity(), pending.size()) != null) return;
    pending.add(e);
    if (changes != null) changes.add(~(pending.size() - 1));
  }

  /**
   * When not null, collects the acquisitions and pending edges that changed in a way callers can
   * observe (Analyzer propagates them through a recursion): an acquisition by its index {@code i}
   * in {@link #acquisitions}, a pending edge by {@code ~i}, its index in {@link #pending}.
   */
  IntList changes;

  /**
   * Whether {@link #MAX_EXITS} left out an exit effect: callers then do not follow some of the
   * function's return paths, and the function counts as bounded like one that hit the state bound.
   */
  boolean exitsDropped;

  void addExit(ExitEffect e) {
    keep(exits, e.identity(), e);
  }

  private void keep(Map<String, ExitEffect> into, String identity, ExitEffect e) {
    if (into.containsKey(identity)) return;
    if (into.size() < MAX_EXITS) {
      into.put(identity, e);
    } else {
      exitsDropped = true;
    }
  }

  /**
   * Keeps the exit effects of an earlier analysis of the same function first, then the new ones, up
   * to {@link #MAX_EXITS}: inside a recursion the exits only grow, so the iteration converges
   * instead of trading one capped set for another.
   */
  void keepExits(Summary earlier) {
    Map<String, ExitEffect> merged = new LinkedHashMap<>(earlier.exits);
    exitsDropped |= earlier.exitsDropped;
    for (Map.Entry<String, ExitEffect> e : exits.entrySet()) keep(merged, e.getKey(), e.getValue());
    exits.clear();
    exits.putAll(merged);
  }

  /**
   * The exit effects (all that the held states of callers depend on) and the parameter-dependent
   * allocations, hashed: what callers in a recursion must be analyzed again for.
   */
  long exitSignature() {
    long h = 17;
    for (String k : exits.keySet()) h = 31 * h + k.hashCode();
    for (Integer p : reclaimIfParam.keySet()) h = 31 * h + p;
    return h;
  }
}
