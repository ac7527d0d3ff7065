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
   * not reach it that way; {@link Scopes#VIA_SLEEP}, kept while every path to it slept (no part of
   * its identity), says that a spinlock a callee returned to the caller is not held there
   * (ADR-014). {@code irqsOn} ({@link Scopes#HARDIRQS_ON}, ...) says which interrupt
   * levels were enabled when it was taken, if the function was entered with them enabled.
   * {@code fileSystems} says for which file systems' objects the path to it can run (ADR-003).
   * {@code nullParams} (bit i) says which pointer parameters that path found NULL: a caller that
   * passes one a variable known not to be NULL does not take it (ADR-006, {@link PointerFacts}).
   * {@code others} keeps paths for other file systems ({@link OtherPaths}). {@code userIterators}
   * (bit i) says that every path to it faults through parameter i, an iov_iter: a caller that
   * passes an iterator over kernel memory there does not take it ({@link KernelIterators}).
   * {@code nonNullParams} (bit i) says that every path to it found pointer parameter i not NULL
   * (past an {@code if (!p) return}): a caller that passes NULL there does not take it.
   * {@code nest} is the nest lock every path to it named ({@code down_write_nest_lock(&mapping->
   * i_mmap_rwsem, &mm->mmap_lock)}), or null: a caller holding both that class and the nest lock
   * takes no new lock there, as lockdep counts it a reference to the held one.
   * {@code choices} says which ops tables every path to it went to through pointers rooted at
   * parameters ({@code "#1"} for {@code ops->iomap_end}, {@link OpsChoice}): a caller whose
   * argument points at none of them does not take it.
   */
  record Acquisition(
      LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems,
      long nullParams, OtherPaths others, int userIterators, long nonNullParams, LockKey nest, List<OpsChoice> choices) {
    Acquisition(
        LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems,
        long nullParams, OtherPaths others, int userIterators, long nonNullParams, LockKey nest) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, fileSystems, nullParams, others, userIterators, nonNullParams, nest, List.of());
    }

    Acquisition(LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, FileSystemSet.ANY, 0L, null, 0, 0L, null);
    }

    Acquisition(
        LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, fileSystems, 0L, null, 0, 0L, null);
    }

    Acquisition(
        LockKey key, Mode mode, Site site, Set<LockKey> releasedBefore, int cuts, int irqsOn, FileSystemSet fileSystems,
        long nullParams) {
      this(key, mode, site, releasedBefore, cuts, irqsOn, fileSystems, nullParams, null, 0, 0L, null);
    }

    /** The file systems {@link #site}'s own path runs for. */
    FileSystemSet siteFor() {
      return others == null ? fileSystems : others.siteFor();
    }

    /** Each path kept, {@link #site}'s first, with the file systems it runs for. */
    List<Witness> witnesses() {
      if (others == null) return List.of(new Witness(fileSystems, site));
      List<Witness> all = new ArrayList<>(others.paths().size() + 1);
      all.add(new Witness(others.siteFor(), site));
      all.addAll(others.paths());
      return all;
    }
  }

  /** A path to an acquisition, and the file systems whose objects it can run for. */
  record Witness(FileSystemSet fileSystems, Site site) {}

  /**
   * The paths an acquisition keeps besides its {@link Acquisition#site} when that one does not
   * run for all of its file systems (ADR-003 later): {@code siteFor} is the site's own set, and
   * each of {@code paths} runs for some file system no earlier one does. A caller in file system F
   * then shows a path that can run for F, not another file system's.
   */
  record OtherPaths(FileSystemSet siteFor, List<Witness> paths) {}

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
      List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, long nonNullParams,
      Set<LockKey> releasedTwice, List<String> nullMembers, String returnedConstant, List<OpsChoice> choices,
      List<Object> shape) {
    /**
     * @param nullParams bit i: this return path found parameter i NULL (a pointer parameter the
     *     function never assigns, tested with {@code if (p)}), so a caller that knows its argument
     *     is not NULL does not take it
     * @param nonNullParams bit i: this return path found parameter i not NULL, so a caller that
     *     knows its argument is NULL does not take it ({@code unlock_cluster_or_swap_info(si, ci)}
     *     after a {@code lock_cluster_or_swap_info} that returned NULL holding {@code si->lock})
     * @param releasedTwice the keys of {@code released} this path released twice (two of the
     *     caller's locks of one class: {@link LockState#releasedTwice})
     * @param nullMembers the members of parameters this return path found NULL, written {@code
     *     "0->anon_vma"} and sorted ({@code if (vma->anon_vma)} in 6.1's {@code drop_rmap_locks}):
     *     a caller that holds a lock it took through that member ({@link HeldLock#through}) does
     *     not take it
     * @param returnedConstant the non-zero constant this path returns, as written ({@code
     *     -EAGAIN}); null for any other value. 6.1's {@code xfs_iget_recycle} returns {@code
     *     -EAGAIN} still holding the inode's {@code i_flags_lock}, and its caller's {@code if
     *     (error == -EAGAIN) goto out_skip;} drops it: that exit takes the equal edge only.
     * @param choices the ops tables this path chose for pointers rooted at parameters, written
     *     {@code "#0->ci_ops"} and sorted ({@link OpsChoice}): a caller whose path chose other
     *     tables for the same argument's pointer does not take it
     */
    ExitEffect(
        List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, long nonNullParams,
        Set<LockKey> releasedTwice, List<String> nullMembers, String returnedConstant, List<OpsChoice> choices) {
      this(added, released, returned, nullParams, nonNullParams, releasedTwice, List.copyOf(nullMembers), returnedConstant,
          List.copyOf(choices), shape(added, released, returned, nullParams, nonNullParams, releasedTwice, nullMembers, returnedConstant, choices));
    }

    ExitEffect(
        List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, long nonNullParams,
        Set<LockKey> releasedTwice, List<String> nullMembers, String returnedConstant) {
      this(added, released, returned, nullParams, nonNullParams, releasedTwice, nullMembers, returnedConstant, List.of());
    }

    /**
     * Everything a caller's state after the call depends on, in order (sites aside): exits of
     * different callees with equal shapes take a state to states with equal identities.
     */
    private static List<Object> shape(
        List<HeldLock> added, Set<LockKey> released, ReturnKind returned, long nullParams, long nonNullParams,
        Set<LockKey> releasedTwice, List<String> nullMembers, String returnedConstant, List<OpsChoice> choices) {
      List<Object> shape = new java.util.ArrayList<>(added.size() + 8);
      for (HeldLock h : added) shape.add(new AddedShape(h.key(), h.mode(), h.fromEntry(), h.fileSystems(), h.through()));
      shape.add(returned);
      shape.add(List.copyOf(released));
      shape.add(nullParams);
      if (nonNullParams != 0) shape.add(nonNullParams);
      if (!releasedTwice.isEmpty()) shape.add(List.copyOf(releasedTwice));
      if (!nullMembers.isEmpty()) shape.add(List.copyOf(nullMembers));
      if (returnedConstant != null) shape.add("=" + returnedConstant);
      if (!choices.isEmpty()) shape.add(List.copyOf(choices));
      return List.copyOf(shape);
    }

    /** This exit returning {@code constant} (null: no known constant). */
    ExitEffect withConstant(String constant) {
      return java.util.Objects.equals(constant, returnedConstant)
          ? this : new ExitEffect(added, released, returned, nullParams, nonNullParams, releasedTwice, nullMembers, constant, choices);
    }

    /** This exit without its parameter facts. */
    ExitEffect withoutFacts() {
      return nullParams == 0 && nonNullParams == 0 && nullMembers.isEmpty()
          ? this : new ExitEffect(added, released, returned, 0L, 0L, releasedTwice, List.of(), returnedConstant, choices);
    }

    /** This exit with only the parameter facts given. */
    ExitEffect withFacts(long nulls, long nonNulls, List<String> members) {
      return nulls == nullParams && nonNulls == nonNullParams && members.equals(nullMembers)
          ? this : new ExitEffect(added, released, returned, nulls, nonNulls, releasedTwice, members, returnedConstant, choices);
    }

    String identity() {
      StringBuilder sb = new StringBuilder();
      for (HeldLock h : added) {
        sb.append(h.key()).append(':').append(h.mode().letter());
        if (!h.fileSystems().isAny()) sb.append(h.fileSystems());
        if (h.through() != null) sb.append('@').append(h.through());
        sb.append(',');
      }
      Set<String> rel = new TreeSet<>();
      for (LockKey k : released) rel.add(k.toString());
      sb.append('|').append(rel).append('|').append(returned);
      if (nullParams != 0) sb.append("|null:").append(Long.toBinaryString(nullParams));
      if (nonNullParams != 0) sb.append("|nonnull:").append(Long.toBinaryString(nonNullParams));
      if (!releasedTwice.isEmpty()) {
        Set<String> twice = new TreeSet<>();
        for (LockKey k : releasedTwice) twice.add(k.toString());
        sb.append("|twice:").append(twice);
      }
      if (!nullMembers.isEmpty()) sb.append("|nullmembers:").append(nullMembers);
      if (returnedConstant != null) sb.append("|=").append(returnedConstant);
      for (OpsChoice c : choices) sb.append("|ops:").append(c.pointer()).append('=').append(c.tables());
      return sb.toString();
    }
  }

  private record AddedShape(LockKey key, Mode mode, boolean fromEntry, FileSystemSet fileSystems, String through) {}

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

  /** Every site this summary holds, as the summary memo writes them ({@link MemoCodec}). */
  void forEachSite(java.util.function.Consumer<Site> action) {
    for (Acquisition a : acquisitions.values()) {
      action.accept(a.site());
      if (a.others() != null) for (Witness w : a.others().paths()) action.accept(w.site());
    }
    for (PendingEdge e : pending) {
      action.accept(e.held().site());
      action.accept(e.acquired());
    }
    for (ExitEffect e : exits.values()) for (HeldLock h : e.added()) action.accept(h.site());
    for (ReclaimIfParam r : reclaimIfParam.values()) action.accept(r.site());
  }

  void addReclaimIfParam(ReclaimIfParam r) {
    reclaimIfParam.putIfAbsent(r.param(), r);
  }

  /**
   * Keeps the shortest path per acquisition identity. Paths that released different caller locks
   * first are merged by intersecting those sets, and their file systems by union: a caller then
   * records every edge that some path could make, never fewer. Of the paths, it keeps one that
   * runs for every merged file system when there is one, else one per file system ({@link
   * OtherPaths}).
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
    FileSystemSet was = old.fileSystems();
    FileSystemSet fileSystems = was.union(a.fileSystems());
    boolean grew = !fileSystems.equals(was);
    Site site;
    OtherPaths others = old.others();
    if (old.others() == null && a.others() == null && (!grew || fileSystems.equals(a.fileSystems()))) {
      // The common case: one path runs for all (the new one when it reached more file systems).
      boolean newCoversAll = fileSystems.equals(a.fileSystems());
      if (grew) site = a.site();
      else if (!newCoversAll) site = old.site();
      else {
        // The merged acquisition is reached having released only what both paths released: its
        // witness must be a path that released no more (6.1's dlm_reset_mleres_owner drops the
        // caller's master_lock before its own res->spinlock, while the lookup it calls first
        // takes res->spinlock with master_lock held; the shorter path was shown for both).
        boolean oldExact = old.releasedBefore().size() == released.size();
        boolean newExact = a.releasedBefore().size() == released.size();
        if (newExact != oldExact) site = newExact ? a.site() : old.site();
        else if (!newExact) site = old.site(); // neither: the first found, as before
        else site = a.site().calls().size() < old.site().calls().size() ? a.site() : old.site();
      }
    } else {
      Paths paths = new Paths(old);
      paths.add(a.others() == null ? a.fileSystems() : a.others().siteFor(), a.site());
      if (a.others() != null) for (Witness w : a.others().paths()) paths.add(w.fileSystems(), w.site());
      site = paths.site;
      if (paths.changedOthers || paths.site != old.site()) others = paths.others();
    }
    // A path that needs fewer iterators over user memory: both are reached when either is.
    int userIterators = old.userIterators() & a.userIterators();
    long nonNullParams = old.nonNullParams() & a.nonNullParams();
    // Reached past a sleep only while every path to it slept (ADR-014).
    int cuts = (a.cuts() & ~Scopes.VIA_SLEEP) | (old.cuts() & a.cuts() & Scopes.VIA_SLEEP);
    // A path without the nest lock (or with another) is a lock a caller takes anew.
    LockKey nest = java.util.Objects.equals(old.nest(), a.nest()) ? old.nest() : null;
    List<OpsChoice> choices = OpsChoice.either(old.choices(), a.choices());
    boolean fewer = userIterators != old.userIterators() || nonNullParams != old.nonNullParams() || nest != old.nest()
        || !choices.equals(old.choices()) || cuts != old.cuts();
    if (site != old.site() || others != old.others() || released != old.releasedBefore() || grew || fewer) {
      acquisitions.replace(index, new Acquisition(
          a.key(), a.mode(), site, released, cuts, a.irqsOn(), fileSystems, a.nullParams(), others, userIterators,
          nonNullParams, nest, choices));
      // A shorter witness alone changes no caller's edges.
      if (changes != null && (released != old.releasedBefore() || grew || fewer)) changes.add(index);
    }
  }

  /** The paths of one acquisition while {@link #addAcquisition} merges another's into them. */
  private static final class Paths {
    FileSystemSet all;
    Site site;
    FileSystemSet siteFor;
    List<Witness> extra;
    boolean changedOthers;

    Paths(Acquisition a) {
      all = a.fileSystems();
      site = a.site();
      siteFor = a.siteFor();
      extra = a.others() == null ? List.of() : a.others().paths();
    }

    /**
     * A path that runs for every file system becomes the site (the shorter of two such); one
     * that adds file systems no kept path runs for is kept beside it; others add nothing.
     */
    void add(FileSystemSet runsFor, Site path) {
      FileSystemSet union = all.union(runsFor);
      if (runsFor.containsAll(union)) {
        boolean siteCoversAll = siteFor.containsAll(union);
        if (!siteCoversAll || path.calls().size() < site.calls().size()) {
          site = path;
          siteFor = runsFor;
        }
        if (!extra.isEmpty()) changedOthers = true;
        extra = List.of();
      } else if (!union.equals(all)) {
        List<Witness> more = new ArrayList<>(extra.size() + 1);
        more.addAll(extra);
        more.add(new Witness(runsFor, path));
        extra = more;
        changedOthers = true;
      }
      all = union;
    }

    OtherPaths others() {
      return extra.isEmpty() && siteFor.equals(all) ? null : new OtherPaths(siteFor, List.copyOf(extra));
    }
  }

  /**
   * Whether {@link #addAcquisition} of an acquisition with this identity (lock, mode, cuts,
   * interrupt state), a path of {@code pathLength} calls, the union of {@code released} and {@code
   * alsoReleased} released first, these file systems and this nest lock would leave this summary as it is (the
   * union is not made: this is asked far more often than the answer is no).
   */
  boolean covers(
      LockKey key, Mode mode, int cuts, int irqsOn, int pathLength, Set<LockKey> released, Set<LockKey> alsoReleased,
      FileSystemSet fileSystems, int userIterators, long nonNullParams, LockKey nest, List<OpsChoice> choices) {
    int index = acquisitions.indexOf(key, mode, cuts, irqsOn, 0L); // a caller's copy has no parameter facts
    if (index < 0) return false;
    Acquisition old = acquisitions.get(index);
    if (old.nest() != null && !old.nest().equals(nest)) return false;
    if (!old.choices().isEmpty() && !OpsChoice.covers(old.choices(), choices)) return false;
    if ((old.userIterators() & ~userIterators) != 0 || (old.nonNullParams() & ~nonNullParams) != 0) return false;
    if ((old.cuts() & ~cuts & Scopes.VIA_SLEEP) != 0) return false;
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
