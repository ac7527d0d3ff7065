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
 * Reads back what {@link MemoEntryWriter} wrote, rejecting what it could not have written
 * ({@link MemoBytes.Malformed}); lock classes and keys are shared across the entries of a run.
 */
final class MemoEntryReader {
  final MemoBytes.In in;
  private final List<Site> sites = new ArrayList<>();
  final List<CallChain> chainList = new ArrayList<>();
  private final List<CallChain[]> external = new ArrayList<>();

  private static final Mode[] MODES = Mode.values();
  private final SourceAnchors anchors;
  private final java.util.function.Function<String, CallChain[]> chainsByDigest;
  /** Shared across the entries read in a run ({@link MemoCodec}). */
  private final Map<LockClass, LockClass> classes;
  private final Map<LockClass, LockKey.OfClass> classKeys;

  MemoEntryReader(MemoBytes.In in, SourceAnchors anchors, java.util.function.Function<String, CallChain[]> chainsByDigest,
      Map<LockClass, LockClass> classes, Map<LockClass, LockKey.OfClass> classKeys) {
    this.in = in;
    this.anchors = anchors;
    this.chainsByDigest = chainsByDigest;
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

  CallChain chain() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    int n = in.unsigned();
    int specialised = in.unsigned();
    if (specialised > n) throw new MemoBytes.Malformed("bad chain");
    CallStep[] steps = new CallStep[n];
    for (int i = 0; i < n; i++) {
      String caller = in.str();
      Location at = anchors.read(in);
      String callee = in.str();
      CallStep step = new CallStep(caller, at, callee, anchors.readText(in));
      Object known = in.values.putIfAbsent(step, step);
      steps[i] = known != null ? (CallStep) known : step;
    }
    CallChain c;
    switch (in.unsigned()) {
      case 0 -> c = CallChain.EMPTY;
      case 1 -> c = at(chainList, in.unsigned());
      case 2 -> {
        int which = in.unsigned();
        CallChain[] table;
        if (which == 0) {
          String digest = in.str();
          table = chainsByDigest.apply(digest);
          if (table == null) throw new MemoBytes.Malformed("no component with summaries " + digest);
          external.add(table);
        } else if (which - 1 < external.size()) {
          table = external.get(which - 1);
        } else {
          throw new MemoBytes.Malformed("bad entry reference");
        }
        c = at(java.util.Arrays.asList(table), in.unsigned());
      }
      default -> throw new MemoBytes.Malformed("bad chain tail");
    }
    CallChain[] made = new CallChain[n];
    for (int i = n - 1; i >= 0; i--) made[i] = c = c.prepend(steps[i]);
    for (int i = n - specialised; i < n; i++) made[i].memo = CallChain.SPECIALISED;
    for (CallChain node : made) chainList.add(node);
    return c;
  }

  private CallChain at(List<CallChain> table, int index) throws MemoBytes.Malformed {
    if (index >= table.size()) throw new MemoBytes.Malformed("bad chain reference");
    return table.get(index);
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
