package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * Reads back one section of what {@link MemoEntryWriter} wrote, rejecting what it could not have
 * written ({@link MemoBytes.Malformed}); lock classes and keys are shared across the entries of a
 * run, the node table ({@link Nodes}) across the sections of an entry.
 */
final class MemoEntryReader {
  final MemoBytes.In in;
  private final List<Site> sites = new ArrayList<>();
  private final Nodes nodes;

  private static final Mode[] MODES = Mode.values();
  private final SourceAnchors anchors;
  /** Shared across the entries read in a run ({@link MemoCodec}). */
  private final Map<LockClass, LockClass> classes;
  private final Map<LockClass, LockKey.OfClass> classKeys;

  /**
   * An entry's call-path nodes as its table made them ({@link #readNodes}): its own, which callers'
   * entries name by index, and those it imports from other entries.
   */
  static final class Nodes {
    final List<CallChain> own = new ArrayList<>();
    final List<CallChain> imported = new ArrayList<>();
    private final List<CallChain[]> external = new ArrayList<>();
    private final java.util.function.Function<String, CallChain[]> chainsByDigest;

    /** @param chainsByDigest the nodes of a component done in this run whose summaries have this digest, or null */
    Nodes(java.util.function.Function<String, CallChain[]> chainsByDigest) {
      this.chainsByDigest = chainsByDigest;
    }
  }

  MemoEntryReader(MemoBytes.In in, Nodes nodes, SourceAnchors anchors, Map<LockClass, LockClass> classes,
      Map<LockClass, LockKey.OfClass> classKeys) {
    this.in = in;
    this.nodes = nodes;
    this.anchors = anchors;
    this.classes = classes;
    this.classKeys = classKeys;
  }

  Site site() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    int tag = in.unsigned();
    if (tag == 0) return null;
    if (tag >= 2) {
      if (tag - 2 >= sites.size()) throw new MemoBytes.Malformed("bad site reference");
      return sites.get(tag - 2);
    }
    CallChain calls = chain();
    String function = in.str();
    Location location = anchors.read(in);
    String api = in.str();
    LockClass lockClass = in.bool() ? lockClass() : null;
    Mode mode = mode();
    Site s = new Site(calls, function, location, api, lockClass, mode, in.str());
    sites.add(s);
    return s;
  }

  /** A call path, by its reference into the node table. */
  CallChain chain() throws MemoBytes.Malformed {
    int ref = in.unsigned();
    if (ref == 0) return CallChain.EMPTY;
    int k = (ref - 1) / 2;
    List<CallChain> table = ref % 2 == 1 ? nodes.own : nodes.imported;
    if (k >= table.size()) throw new MemoBytes.Malformed("bad chain reference");
    return table.get(k);
  }

  /**
   * Reads this section as the node table: groups of new nodes, each path's steps head first and
   * what follows them, and imports of other entries' nodes ({@link MemoEntryWriter#write}).
   */
  void readNodes() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    while (!in.atEnd()) {
      int tag = in.unsigned();
      if (tag == 1) readGroup();
      else if (tag == 2) readImport();
      else throw new MemoBytes.Malformed("bad node table");
    }
  }

  private void readGroup() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    int n = in.unsigned();
    int specialised = in.unsigned();
    if (n == 0 || specialised > n) throw new MemoBytes.Malformed("bad chain");
    CallStep[] steps = new CallStep[n];
    for (int i = 0; i < n; i++) {
      String caller = in.str();
      Location at = anchors.read(in);
      String callee = in.str();
      CallStep step = new CallStep(caller, at, callee, anchors.readText(in));
      Object known = in.values.putIfAbsent(step, step);
      steps[i] = known != null ? (CallStep) known : step;
    }
    CallChain c = chain();
    CallChain[] made = new CallChain[n];
    for (int i = n - 1; i >= 0; i--) made[i] = c = c.prepend(steps[i]);
    for (int i = n - specialised; i < n; i++) made[i].memo = CallChain.SPECIALISED;
    for (CallChain node : made) nodes.own.add(node);
  }

  private void readImport() throws MemoBytes.Malformed {
    int which = in.unsigned();
    CallChain[] table;
    if (which == 0) {
      String digest = in.str();
      table = nodes.chainsByDigest.apply(digest);
      if (table == null) throw new MemoBytes.Malformed("no component with summaries " + digest);
      nodes.external.add(table);
    } else if (which - 1 < nodes.external.size()) {
      table = nodes.external.get(which - 1);
    } else {
      throw new MemoBytes.Malformed("bad entry reference");
    }
    int index = in.unsigned();
    if (index >= table.length) throw new MemoBytes.Malformed("bad chain reference");
    nodes.imported.add(table[index]);
  }

  HeldLock held() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    LockKey key = key();
    Mode mode = mode();
    Site site = site();
    boolean fromEntry = in.bool();
    FileSystemSet fileSystems = fileSystems();
    String through = in.str();
    return new HeldLock(key, mode, site, fromEntry, fileSystems, 0L, through.isEmpty() ? null : through);
  }

  LockKey key() throws MemoBytes.Malformed {
    int tag = in.unsigned();
    if (tag == 0) {
      LockClass c = lockClass();
      LockKey.OfClass known = classKeys.get(c);
      return known != null ? known : classKeys.computeIfAbsent(c, LockKey.OfClass::new);
    }
    if (tag != 1) throw new MemoBytes.Malformed("bad lock key");
    int index = in.unsigned();
    String subclass = in.str();
    return new LockKey.OfParam(index, subclass, in.str());
  }

  Set<LockKey> keys() throws MemoBytes.Malformed {
    KeySet out = KeySet.EMPTY;
    for (int i = 0, n = in.unsigned(); i < n; i++) out = out.with(key());
    return out;
  }

  LockClass lockClass() throws MemoBytes.Malformed {
    String name = in.str();
    LockClass c = new LockClass(name, in.str());
    LockClass known = classes.get(c); // get first, as MemoBytes.In.str does
    if (known == null) known = classes.putIfAbsent(c, c);
    return known != null ? known : c;
  }

  Set<LockClass> classes() throws MemoBytes.Malformed {
    Set<LockClass> out = new TreeSet<>();
    for (int i = 0, n = in.unsigned(); i < n; i++) out.add(lockClass());
    return out;
  }

  Mode mode() throws MemoBytes.Malformed {
    int m = in.unsigned();
    if (m > MODES.length) throw new MemoBytes.Malformed("bad mode");
    return m == 0 ? null : MODES[m - 1];
  }

  int index(int size) throws MemoBytes.Malformed {
    int i = in.unsigned();
    if (i >= size) throw new MemoBytes.Malformed("bad index");
    return i;
  }

  FileSystemSet fileSystems() throws MemoBytes.Malformed {
    int tag = in.unsigned();
    if (tag == 0) return null;
    if (tag == 1) return FileSystemSet.ANY;
    long[] words = new long[tag - 2];
    for (int i = 0; i < words.length; i++) words[i] = in.signedLong();
    return FileSystemSet.ofWords(words);
  }

  Function member(List<Function> members) throws MemoBytes.Malformed {
    return members.get(index(members.size()));
  }

  List<Function> members(List<Function> members) throws MemoBytes.Malformed {
    List<Function> out = new ArrayList<>();
    for (int i = 0, n = in.unsigned(); i < n; i++) out.add(member(members));
    return out;
  }
}
