package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Function;
import org.lockorder.ir.Mode;

/**
 * Writes the parts of one summary-memo entry ({@link MemoCodec}): sites, call paths that share
 * their tails (naming nodes of callee components' entries instead of writing them again), lock
 * keys and classes, modes and file-system sets.
 */
final class MemoEntryWriter {
  final MemoBytes.Out out = new MemoBytes.Out();
  private final Map<Site, Integer> sites = new IdentityHashMap<>();
  private final Map<CallChain, Integer> chains = new IdentityHashMap<>();
  final List<CallChain> chainList = new ArrayList<>();
  private final java.util.Set<Integer> callees;
  private final Map<String, Integer> external = new java.util.HashMap<>();

  private final SourceAnchors anchors;
  /** By component index: the digest of its summaries ({@link MemoCodec}). */
  private final java.util.concurrent.atomic.AtomicReferenceArray<String> digests;
  /** The run's site positions by the entry whose table holds them ({@link MemoCodec#register}). */
  private final Map<org.lockorder.ir.Location, MemoCodec.Owner> owners;
  /** The owners' digests this entry named so far, by their index here. */
  private final Map<String, Integer> ownerDigests = new java.util.HashMap<>();
  /**
   * This entry's table: the positions inside its own functions that its summaries write, in
   * order. Only the summaries' (the part the digest covers) count.
   */
  final List<org.lockorder.ir.Location> table = new ArrayList<>();
  /** Whether the summaries are being written (their positions go to {@link #table}). */
  boolean inSummaries = true;

  /**
   * @param callees the indexes of the components this one calls into: call paths that reach
   *     their entries are written as references to them
   */
  /** Whether a function (as {@link SourceAnchors#functionAt} names it) has copies, or is one of this component. */
  private final java.util.function.Predicate<String> shared;
  private final java.util.function.Predicate<String> own;

  MemoEntryWriter(SourceAnchors anchors, java.util.concurrent.atomic.AtomicReferenceArray<String> digests,
      java.util.Set<Integer> callees, Map<org.lockorder.ir.Location, MemoCodec.Owner> owners,
      java.util.function.Predicate<String> shared, java.util.function.Predicate<String> own) {
    this.anchors = anchors;
    this.digests = digests;
    this.callees = callees;
    this.owners = owners;
    this.shared = shared;
    this.own = own;
  }

  void site(Site s) {
    if (s == null) {
      out.unsigned(0);
      return;
    }
    Integer known = sites.get(s);
    if (known != null) {
      out.unsigned(known + 2);
      return;
    }
    out.unsigned(1);
    chain(CallChain.of(s.calls()));
    out.str(s.function());
    position(s.location());
    out.str(s.api());
    out.bool(s.lockClass() != null);
    if (s.lockClass() != null) lockClass(s.lockClass());
    mode(s.mode());
    out.str(s.instance());
    sites.put(s, sites.size());
  }

  /**
   * A site's position, then where it comes from (ADR-009 later):
   * <ul>
   *   <li>0: written as it is, in the digest. For a position inside a function of which the
   *       program has several copies (ops and constant copies, ADR-007/008), or that no one
   *       function anchors: which copy's entry to name could differ from run to run.
   *   <li>1: inside one of this component's functions; in the digest by its rank only, and added
   *       to {@link #table}, where callers' entries name it.
   *   <li>2, or 3 and up: inside a function of another component, named by that component's
   *       entry (its digest, new or the n-th named here) and the index in its table, left out of
   *       the digest; the position before it only by its rank. A caller's entry then reads a
   *       callee's acquisitions at the callee's current lines, and a line added above an
   *       acquisition changes its function's entry, not its callers'.
   * </ul>
   */
  private void position(org.lockorder.ir.Location l) {
    String fn = l == null ? null : anchors.functionAt(l);
    MemoCodec.Owner o = fn == null || shared.test(fn) ? null : owners.get(l);
    boolean tabled = o == null && fn != null && !shared.test(fn) && own.test(fn);
    if (o == null && !tabled) {
      anchors.write(out, l);
      out.unsigned(0);
      return;
    }
    anchors.writeSitePosition(out, l);
    int from = out.size();
    if (tabled) {
      out.unsigned(1);
      if (inSummaries) table.add(l);
    } else {
      Integer known = ownerDigests.get(o.digest());
      if (known != null) {
        out.unsigned(known + 3);
      } else {
        ownerDigests.put(o.digest(), ownerDigests.size());
        out.unsigned(2);
        out.rawString(o.digest());
      }
      out.unsigned(o.index());
    }
    out.omit(from);
  }

  /**
   * The steps not written yet, head first, then what follows them: nothing (0), a node written
   * before in this entry (1, its index), or a node of a callee component's entry (2, that
   * entry's digest and the index).
   */
  void chain(CallChain c) {
    List<CallChain> fresh = new ArrayList<>();
    CallChain at = c;
    while (at.size() > 0 && !chains.containsKey(at) && !callees.contains(MemoCodec.owner(at.memo))) {
      fresh.add(at);
      at = at.tail();
    }
    out.unsigned(fresh.size());
    for (CallChain node : fresh) {
      CallStep step = node.head();
      out.str(step.caller());
      anchors.writeCallPosition(out, step.location());
      out.str(step.callee());
      anchors.writeText(out, step.via());
    }
    if (at.size() == 0) {
      out.unsigned(0);
    } else if (chains.containsKey(at)) {
      out.unsigned(1);
      out.unsigned(chains.get(at));
    } else {
      long memo = at.memo;
      String digest = digests.get(MemoCodec.owner(memo));
      out.unsigned(2);
      Integer known = external.get(digest);
      if (known != null) {
        out.unsigned(known + 1);
      } else {
        external.put(digest, external.size());
        out.unsigned(0);
        out.str(digest);
      }
      out.unsigned((int) memo);
    }
    for (CallChain node : fresh) {
      chains.put(node, chainList.size());
      chainList.add(node);
    }
  }

  void held(HeldLock h) {
    key(h.key());
    mode(h.mode());
    site(h.site());
    out.bool(h.fromEntry());
    fileSystems(h.fileSystems());
    out.str(h.through() == null ? "" : h.through());
  }

  void key(LockKey k) {
    if (k instanceof LockKey.OfClass c) {
      out.unsigned(0);
      lockClass(c.lockClass());
    } else {
      LockKey.OfParam p = (LockKey.OfParam) k;
      out.unsigned(1);
      out.unsigned(p.index());
      out.str(p.subclass());
      out.str(p.wrapped());
    }
  }

  void keys(Set<LockKey> keys) {
    out.unsigned(keys.size());
    for (LockKey k : keys) key(k);
  }

  void lockClass(LockClass c) {
    out.str(c.name());
    out.str(c.subclass());
  }

  void classes(Set<LockClass> classes) {
    out.unsigned(classes.size());
    // In their order, whatever the set's kind (most are already sorted).
    Iterable<LockClass> sorted = classes instanceof java.util.SortedSet<LockClass> s && s.comparator() == null
        ? classes
        : new TreeSet<>(classes);
    for (LockClass c : sorted) lockClass(c);
  }

  void mode(Mode m) {
    out.unsigned(m == null ? 0 : m.ordinal() + 1);
  }

  void fileSystems(FileSystemSet s) {
    if (s == null) {
      out.unsigned(0);
      return;
    }
    long[] words = s.words();
    if (words == null) {
      out.unsigned(1);
      return;
    }
    out.unsigned(words.length + 2);
    for (long w : words) out.signedLong(w);
  }

  void members(Map<Function, Integer> index, Set<Function> functions) throws MemoCodec.NotEncodable {
    int[] ids = new int[functions.size()];
    int i = 0;
    for (Function f : functions) ids[i++] = MemoCodec.member(index, f);
    java.util.Arrays.sort(ids);
    out.unsigned(ids.length);
    for (int id : ids) out.unsigned(id);
  }
}
