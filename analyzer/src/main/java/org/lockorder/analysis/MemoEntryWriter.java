package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * Writes the parts of one summary-memo entry ({@link MemoCodec}): sites, call paths that share
 * their tails (naming nodes of other components' entries instead of writing them again), lock
 * keys and classes, modes and file-system sets.
 *
 * <p>An entry has sections, each with its own texts and sites ({@link #startSection}), and one
 * table of call-path nodes that every section names by index ({@link #nodesOut}). The table is
 * read first and whole, because callers' entries name its nodes; a section after it can then be
 * read on its own, or not at all: the members' summaries are read only when something asks for
 * them (ADR-009, "Later (stop 51)").
 */
final class MemoEntryWriter {
  /** The section being written. */
  MemoBytes.Out out = new MemoBytes.Out();
  /**
   * The node table: groups of new nodes (a path's new steps and what follows them) and imports
   * of other entries' nodes, in the order the sections first need them.
   */
  final MemoBytes.Out nodesOut = new MemoBytes.Out();
  /** The site objects written so far in this section, by object, and the sites written, by value. */
  private final Map<Site, Integer> siteObjects = new IdentityHashMap<>();
  private final Map<SiteValue, Integer> sites = new HashMap<>();
  /** The chain nodes met so far, by object (written ones and their equals), and by value. */
  private final Map<CallChain, Integer> chains = new IdentityHashMap<>();
  private final Map<NodeValue, Integer> nodes = new HashMap<>();
  /** The nodes written, by index: a caller's entry names them. */
  final List<CallChain> chainList = new ArrayList<>();
  /** Nodes equal to a written one, and that one's index: a caller's entry names them too. */
  final List<CallChain> aliases = new ArrayList<>();
  final IntList aliasOf = new IntList();
  private final Map<String, Integer> external = new java.util.HashMap<>();
  /** Other entries' nodes imported into the table, by their {@link CallChain#memo}: their import index. */
  private final Map<Long, Integer> imports = new HashMap<>();

  private final SourceAnchors anchors;
  /** By component index: the digest of its summaries ({@link MemoCodec}). */
  private final java.util.concurrent.atomic.AtomicReferenceArray<String> digests;

  /*
   * Why by value (ADR-009, "Canonical entries"): the digest of an entry's bytes is its callers'
   * key, so equal summaries must give equal bytes however the analysis happened to share its
   * objects. A component analyzed again with its callees read back makes more copies of equal
   * chain nodes than the first analysis did; written by object, its entry grew, its digest changed,
   * and every component above it was analyzed again.
   */

  /** A chain node by value: its step, and what follows it (see {@link #idOf}). */
  private record NodeValue(CallStep step, long tail) {}

  /** A site by value, its call path by {@link #idOf}. */
  private record SiteValue(long calls, String function, Location location, String api, LockClass lockClass, Mode mode, String instance) {}

  /** Whether a node of this component's entry may be named: the component is done before this one in every run. */
  private final java.util.function.IntPredicate mayName;

  /**
   * @param mayName whether the entry of the component with this index may be named; the others'
   *     nodes are written here
   */
  MemoEntryWriter(SourceAnchors anchors, java.util.concurrent.atomic.AtomicReferenceArray<String> digests,
      java.util.function.IntPredicate mayName) {
    this.anchors = anchors;
    this.digests = digests;
    this.mayName = mayName;
  }

  /** Ends the section being written: the next one starts with no texts and no sites of its own. */
  void startSection(MemoBytes.Out next) {
    out = next;
    siteObjects.clear();
    sites.clear();
  }

  void site(Site s) {
    if (s == null) {
      out.unsigned(0);
      return;
    }
    Integer known = siteObjects.get(s);
    if (known == null) {
      Fresh calls = fresh(CallChain.of(s.calls()));
      // A site whose path has nodes not written yet cannot equal one written before.
      known = calls.nodes.isEmpty() ? sites.get(valueOf(calls.tail, s)) : null;
      if (known == null) {
        writeSite(s, calls);
        return;
      }
      siteObjects.put(s, known);
    }
    out.unsigned(known + 2);
  }

  private void writeSite(Site s, Fresh calls) {
    out.unsigned(1);
    long id = write(calls);
    ref(out, id);
    out.str(s.function());
    anchors.write(out, s.location());
    out.str(s.api());
    out.bool(s.lockClass() != null);
    if (s.lockClass() != null) lockClass(s.lockClass());
    mode(s.mode());
    out.str(s.instance());
    int index = sites.size();
    sites.put(valueOf(id, s), index);
    siteObjects.put(s, index);
  }

  private static SiteValue valueOf(long calls, Site s) {
    return new SiteValue(calls, s.function(), s.location(), s.api(), s.lockClass(), s.mode(), s.instance());
  }

  /** A call path: its new nodes into the table ({@link #write}), and its reference ({@link #ref}) into the section. */
  void chain(CallChain c) {
    ref(out, write(fresh(c)));
  }

  /**
   * A path by its id ({@link #idOf}): 0 for the empty one, 2k + 1 for node k of the table, 2k + 2
   * for import k (a node of another component's entry).
   */
  private void ref(MemoBytes.Out o, long id) {
    if (id == 0) o.unsigned(0);
    else if (id > 0) o.unsigned((int) (2 * (id - 1) + 1));
    else o.unsigned(2 * importOf(-id) + 2);
  }

  /**
   * The import index of another entry's node, written into the table at first need (2, then that
   * entry's digest, or its number among the digests named before, and the node's index there).
   */
  private int importOf(long memo) {
    Integer known = imports.get(memo);
    if (known != null) return known;
    String digest = digests.get(MemoCodec.owner(memo));
    nodesOut.unsigned(2);
    Integer d = external.get(digest);
    if (d != null) {
      nodesOut.unsigned(d + 1);
    } else {
      external.put(digest, external.size());
      nodesOut.unsigned(0);
      nodesOut.str(digest);
    }
    nodesOut.unsigned((int) memo);
    int made = imports.size();
    imports.put(memo, made);
    return made;
  }

  /** The nodes of a path to write, head first, and the id of what follows them. */
  private record Fresh(List<CallChain> nodes, long tail) {}

  /**
   * The nodes of {@code c} this entry must write. The walk stops at a node met before or at one
   * another component's entry wrote ({@link CallChain#memo}) that this one may name; then, from
   * the bottom up, a node equal to one written before is noted as that one.
   */
  private Fresh fresh(CallChain c) {
    List<CallChain> pending = new ArrayList<>();
    CallChain at = c;
    while (at.size() > 0 && !chains.containsKey(at) && !named(at)) {
      pending.add(at);
      at = at.tail();
    }
    long tail = idOf(at);
    int k = pending.size();
    while (k > 0) {
      CallChain node = pending.get(k - 1);
      Integer equal = nodes.get(new NodeValue(node.head(), tail));
      if (equal == null) break;
      chains.put(node, equal);
      aliases.add(node);
      aliasOf.add(equal);
      tail = equal + 1;
      k--;
    }
    return new Fresh(pending.subList(0, k), tail);
  }

  /** Whether {@code node} is another component's that this entry names instead of writing it. */
  private boolean named(CallChain node) {
    long memo = node.memo;
    return memo != 0 && memo != CallChain.SPECIALISED && mayName.test(MemoCodec.owner(memo));
  }

  /**
   * What a node is in this entry: 0 for the end of a path, index + 1 for a node of this entry,
   * minus its {@link CallChain#memo} for a node of another's.
   */
  private long idOf(CallChain at) {
    if (at.size() == 0) return 0;
    Integer index = chains.get(at);
    return index != null ? index + 1 : -at.memo;
  }

  /**
   * Writes {@code f}'s new nodes into the table, if any, and numbers them; returns the path's id.
   * A group is 1, the number of nodes and how many of the last of them a specialised analysis made
   * ({@link CallChain#SPECIALISED}), the steps head first, then what follows them ({@link #ref}).
   */
  private long write(Fresh f) {
    List<CallChain> fresh = f.nodes;
    if (fresh.isEmpty()) return f.tail;
    // The import first: it is a record of the table too, and must not land inside the group.
    if (f.tail < 0) importOf(-f.tail);
    nodesOut.unsigned(1);
    nodesOut.unsigned(fresh.size());
    // Below the first node a specialised analysis made, every fresh node is one too.
    int specialised = 0;
    while (specialised < fresh.size() && fresh.get(specialised).memo != CallChain.SPECIALISED) specialised++;
    nodesOut.unsigned(fresh.size() - specialised);
    for (CallChain node : fresh) {
      CallStep step = node.head();
      nodesOut.str(step.caller());
      anchors.writeCallPosition(nodesOut, step.location());
      nodesOut.str(step.callee());
      anchors.writeText(nodesOut, step.via());
    }
    ref(nodesOut, f.tail);
    int first = chainList.size();
    for (int i = 0; i < fresh.size(); i++) {
      chains.put(fresh.get(i), first + i);
      chainList.add(fresh.get(i));
    }
    for (int i = 0; i < fresh.size(); i++) {
      long tail = i + 1 < fresh.size() ? first + i + 2 : f.tail;
      nodes.put(new NodeValue(fresh.get(i).head(), tail), first + i);
    }
    return first + 1;
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
