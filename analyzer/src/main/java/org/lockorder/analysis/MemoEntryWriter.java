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

  /**
   * @param callees the indexes of the components this one calls into: call paths that reach
   *     their entries are written as references to them
   */
  MemoEntryWriter(SourceAnchors anchors, java.util.concurrent.atomic.AtomicReferenceArray<String> digests,
      java.util.Set<Integer> callees) {
    this.anchors = anchors;
    this.digests = digests;
    this.callees = callees;
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
    anchors.write(out, s.location());
    out.str(s.api());
    out.bool(s.lockClass() != null);
    if (s.lockClass() != null) lockClass(s.lockClass());
    mode(s.mode());
    out.str(s.instance());
    sites.put(s, sites.size());
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
