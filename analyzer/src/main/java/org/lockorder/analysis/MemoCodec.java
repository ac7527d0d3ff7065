package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.Function;
import org.lockorder.ir.Mode;

/**
 * Summaries and a component's other results as bytes, for the summary memo ({@link SummaryMemo}).
 * Positions are written through {@link SourceAnchors}, so code that only moved gives the same
 * bytes; call paths share their tails ({@link CallChain}) and a site is written once per section
 * of an entry, both by value, so that equal summaries give equal bytes ({@link MemoEntryWriter}).
 * Functions are written as their index among the component's members, or as the position of a
 * call target of a member: an entry never names a function by anything that could mean another
 * one in a later run.
 */
final class MemoCodec {
  private static final ReturnKind[] RETURNS = ReturnKind.values();
  private static final EdgeType[] TYPES = EdgeType.values();
  /** An entry starts with the SHA-256 digest of its summaries ({@link MemoBytes.Out#digest}). */
  private static final int DIGEST_BYTES = 32;

  private final SourceAnchors anchors;
  /**
   * One object per text and per lock class across the entries read in a run (and one per
   * position and call step within an entry, {@link MemoBytes.In#values}), as the analysis itself
   * shares them: without it a full read back of Linux 6.1 fs/+mm/ held several copies of each and
   * spent most of its time in the collector.
   */
  private final Map<String, String> strings = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<LockClass, LockClass> classes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<LockClass, LockKey.OfClass> classKeys = new java.util.concurrent.ConcurrentHashMap<>();
  /** The chain nodes of the components done so far, by the digest of their summaries. */
  private final java.util.function.Function<String, CallChain[]> chainsByDigest;

  /**
   * @param chainsByDigest the chain nodes of a component done in this run whose summaries have
   *     this digest (hex), or null
   */
  MemoCodec(SourceAnchors anchors, java.util.function.Function<String, CallChain[]> chainsByDigest, int components) {
    this(anchors, chainsByDigest, components, null);
  }

  /** @param graph names the ops tables of exits' choices ({@link OpsChoice}); null where there are none */
  MemoCodec(SourceAnchors anchors, java.util.function.Function<String, CallChain[]> chainsByDigest, int components, CallGraph graph) {
    this.anchors = anchors;
    this.chainsByDigest = chainsByDigest;
    this.digests = new java.util.concurrent.atomic.AtomicReferenceArray<>(components);
    this.graph = graph;
  }

  /** How many entries' summaries were decoded ({@link RestoredSummaries}), and the thread time it took. */
  final java.util.concurrent.atomic.AtomicInteger summariesDecoded = new java.util.concurrent.atomic.AtomicInteger();
  final java.util.concurrent.atomic.AtomicLong summariesDecodeNanos = new java.util.concurrent.atomic.AtomicLong();

  /** The run's ops tables, which an entry names by name: their numbers are the run's own. */
  private final CallGraph graph;

  /** By component index: the digest of its summaries, once its entry is written or read. */
  private final java.util.concurrent.atomic.AtomicReferenceArray<String> digests;

  /**
   * A component's entry: its two parts, the digest of its summaries (its callers' keys read it),
   * and its chain nodes by index (for its callers' entries to name).
   *
   * @param blob what every run that reads the entry reads: null when what the component collected
   *     besides its summaries names a function an entry cannot (it is then analyzed every time,
   *     but its callers' entries still name it)
   * @param later the members' summaries, read only when asked for
   */
  record Encoded(byte[] blob, byte[] later, String digest, CallChain[] chains, CallChain[] aliases, int[] aliasOf) {}

  /**
   * A component's entry read back: its summaries waiting to be decoded, their digest, its node
   * table (for its callers' entries to name), and steps that add its other results to the fork.
   */
  record Decoded(RestoredSummaries summaries, String digest, CallChain[] chains, List<Runnable> collected) {}

  /*
   * An entry's layout (format 19). Its first part: the digest of its summaries (32 bytes); the
   * length of the node table; the node table (MemoEntryWriter); then what a run reads of every
   * entry: per member, the classes its exits release and its interrupt usages (IrqCandidate), then
   * the edges, call contexts and bounds its analysis collected. Its second part, read only when
   * asked for (RestoredSummaries): the members' summaries. The digest covers the summaries and the
   * part of the node table they wrote, which comes first: a node's number follows from the
   * summaries alone, so callers' entries may name it.
   */

  /**
   * Encodes the summaries of {@code members} and what {@code fork} collected while they were
   * analyzed. A call path whose tail is a node of another component's entry names that node
   * instead of writing it again when {@code mayName} says so of that component: one the members
   * call, directly or not, so that a reader finds it done.
   */
  Encoded encode(List<Function> members, AnalysisContext fork, CallGraph graph, java.util.function.IntPredicate mayName) {
    MemoEntryWriter w = new MemoEntryWriter(anchors, digests, mayName);
    MemoBytes.Out summaries = w.out;
    summaries.unsigned(members.size());
    List<Summary> written = new ArrayList<>(members.size());
    for (Function f : members) {
      Summary s = fork.summary(f);
      written.add(s);
      writeSummary(w, s);
    }
    java.security.MessageDigest md = SummaryMemo.sha256();
    md.update(w.nodesOut.digest(w.nodesOut.size()));
    md.update(summaries.digest(summaries.size()));
    byte[] digestBytes = md.digest();
    String digest = java.util.HexFormat.of().formatHex(digestBytes);
    byte[] blob;
    try {
      MemoBytes.Out eager = new MemoBytes.Out();
      w.startSection(eager);
      for (int i = 0; i < members.size(); i++) writeMemberFacts(w, written.get(i), IrqCandidate.kindsRead(graph, members.get(i)));
      encodeCollected(w, fork, members, graph);
      // The digest first: a reader cannot make it again, the masked positions being unknown to it.
      MemoBytes.Out length = new MemoBytes.Out();
      length.unsigned(w.nodesOut.size());
      blob = new byte[DIGEST_BYTES + length.size() + w.nodesOut.size() + eager.size()];
      System.arraycopy(digestBytes, 0, blob, 0, DIGEST_BYTES);
      int at = length.copyTo(blob, DIGEST_BYTES);
      at = w.nodesOut.copyTo(blob, at);
      eager.copyTo(blob, at);
    } catch (NotEncodable e) {
      blob = null;
    }
    int[] aliasOf = new int[w.aliasOf.size()];
    for (int i = 0; i < aliasOf.length; i++) aliasOf[i] = w.aliasOf.get(i);
    return new Encoded(blob, blob == null ? null : summaries.toByteArray(), digest, w.chainList.toArray(new CallChain[0]), w.aliases.toArray(new CallChain[0]), aliasOf);
  }

  /**
   * Reads the first part of an entry {@link #encode} wrote for these members: its node table and
   * what every run reads; nothing is applied yet, and the summaries ({@code later}) are read when
   * first asked for.
   */
  Decoded decode(byte[] blob, int blobLength, SummaryMemo.Later later, List<Function> members, CallGraph graph, AnalysisContext fork)
      throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    if (blobLength < DIGEST_BYTES || blobLength > blob.length) throw new MemoBytes.Malformed("truncated");
    String digest = java.util.HexFormat.of().formatHex(blob, 0, DIGEST_BYTES);
    MemoBytes.In length = new MemoBytes.In(blob, DIGEST_BYTES, blobLength, strings);
    int nodesLength = length.unsigned();
    int nodesAt = length.position();
    int eagerAt = nodesAt + nodesLength;
    if (eagerAt > blobLength || eagerAt < 0) throw new MemoBytes.Malformed("truncated");
    MemoEntryReader.Nodes nodes = new MemoEntryReader.Nodes(chainsByDigest);
    new MemoEntryReader(new MemoBytes.In(blob, nodesAt, eagerAt, strings), nodes, anchors, classes, classKeys).readNodes();
    MemoEntryReader r = new MemoEntryReader(new MemoBytes.In(blob, eagerAt, blobLength, strings), nodes, anchors, classes, classKeys);
    List<Set<LockKey>> released = new ArrayList<>(members.size());
    List<List<IrqCandidate>> usages = new ArrayList<>(members.size());
    int[] irqKinds = new int[members.size()];
    for (int i = 0; i < members.size(); i++) {
      released.add(r.keys());
      irqKinds[i] = r.in.unsigned();
      usages.add(readIrqCandidates(r));
    }
    List<Runnable> collected = restoreCollected(r, members, graph, fork);
    int count = members.size();
    RestoredSummaries.Decoder decoder = () -> {
      long start = System.nanoTime();
      try {
        byte[] bytes = later.read();
        if (bytes == null) throw new MemoBytes.Malformed("its summaries cannot be read");
        return readSummaries(bytes, nodes, count);
      } finally {
        summariesDecoded.incrementAndGet();
        summariesDecodeNanos.addAndGet(System.nanoTime() - start);
      }
    };
    String component = members.get(0).name() + " (" + members.get(0).location() + ")";
    RestoredSummaries restored = new RestoredSummaries(component, decoder, released, usages, irqKinds);
    return new Decoded(restored, digest, nodes.own.toArray(new CallChain[0]), collected);
  }

  /** An entry's second part: its members' summaries. */
  private Summary[] readSummaries(byte[] bytes, MemoEntryReader.Nodes nodes, int members)
      throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    MemoEntryReader r = new MemoEntryReader(new MemoBytes.In(bytes, 0, strings), nodes, anchors, classes, classKeys);
    if (r.in.unsigned() != members) throw new MemoBytes.Malformed("another component");
    Summary[] summaries = new Summary[members];
    for (int i = 0; i < summaries.length; i++) summaries[i] = readSummary(r);
    if (!r.in.atEnd()) throw new MemoBytes.Malformed("trailing bytes");
    return summaries;
  }

  /**
   * What the rest of a run reads of a member's summary besides its callers' analysis: the classes
   * its exits release, and its interrupt usages of {@code irqKinds}, those the rule reads of it in
   * this run ({@link IrqCandidate#kindsRead}).
   */
  private static void writeMemberFacts(MemoEntryWriter w, Summary s, int irqKinds) {
    // Sorted: a hash set's order may differ between runs, and so would the entry's bytes.
    java.util.TreeMap<String, LockKey> released = new java.util.TreeMap<>();
    for (LockKey k : AnalysisContext.releasedByExits(s)) released.put(k.toString(), k);
    w.keys(new java.util.LinkedHashSet<>(released.values()));
    List<IrqCandidate> candidates = IrqCandidate.of(s, irqKinds);
    w.out.unsigned(irqKinds);
    w.out.unsigned(candidates.size());
    for (IrqCandidate c : candidates) {
      w.out.unsigned(c.kind());
      w.lockClass(c.lockClass());
      w.mode(c.mode());
      w.site(c.site());
    }
  }

  private static List<IrqCandidate> readIrqCandidates(MemoEntryReader r) throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    int n = r.in.unsigned();
    if (n == 0) return List.of();
    List<IrqCandidate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = r.index(IrqCandidate.KINDS);
      LockClass c = r.lockClass();
      Mode mode = r.mode();
      Site site = r.site();
      if (site == null) throw new MemoBytes.Malformed("a usage without a site");
      out.add(new IrqCandidate(kind, c, mode, site));
    }
    return List.copyOf(out);
  }

  /**
   * Marks the chain nodes of a component's entry as its own, for its callers' entries: those it
   * wrote, and those equal to one it wrote ({@code aliases}, numbered by {@code aliasOf}).
   */
  void register(int component, String digest, CallChain[] chains, CallChain[] aliases, int[] aliasOf) {
    digests.set(component, digest);
    long owner = (long) (component + 1) << 32;
    for (int i = 0; i < chains.length; i++) if (chains[i].memo == 0) chains[i].memo = owner | i;
    for (int i = 0; i < aliases.length; i++) {
      long written = owner | aliasOf[i];
      if (aliases[i].memo == 0 && chains[aliasOf[i]].memo == written) aliases[i].memo = written;
    }
  }

  /** The component a chain node belongs to (see {@link CallChain#memo}), or -1. */
  static int owner(long memo) {
    return (int) (memo >>> 32) - 1;
  }

  /** A function outside what an entry may name: the component is analyzed but not kept. */
  static final class NotEncodable extends Exception {
    NotEncodable(String what) {
      super(what, null, false, false);
    }
  }

  // ---- summaries

  private void writeSummary(MemoEntryWriter w, Summary s) {
    List<Summary.Acquisition> acquisitions = s.acquisitions.values();
    w.out.unsigned(acquisitions.size());
    for (Summary.Acquisition a : acquisitions) {
      w.key(a.key());
      w.mode(a.mode());
      w.site(a.site());
      w.keys(a.releasedBefore());
      w.out.unsigned(a.cuts());
      w.out.unsigned(a.irqsOn());
      w.fileSystems(a.fileSystems());
      w.out.signedLong(a.nullParams());
      w.out.unsigned(a.userIterators());
      w.out.signedLong(a.nonNullParams());
      w.out.bool(a.nest() != null);
      if (a.nest() != null) w.key(a.nest());
      writeChoices(w, a.choices());
      Summary.OtherPaths others = a.others();
      w.out.bool(others != null);
      if (others != null) {
        w.fileSystems(others.siteFor());
        w.out.unsigned(others.paths().size());
        for (Summary.Witness p : others.paths()) {
          w.fileSystems(p.fileSystems());
          w.site(p.site());
        }
      }
    }
    w.out.unsigned(s.pending.size());
    for (Summary.PendingEdge e : s.pending) {
      w.held(e.held());
      w.key(e.key());
      w.mode(e.mode());
      w.site(e.acquired());
      w.classes(e.gates());
      w.out.unsigned(e.cuts());
    }
    w.out.unsigned(s.exits.size());
    for (Summary.ExitEffect e : s.exits.values()) {
      // Not the exit's identity: it writes the tables by this run's numbers; the reader makes it again.
      w.out.unsigned(e.added().size());
      for (HeldLock h : e.added()) w.held(h);
      w.keys(e.released());
      w.out.unsigned(e.returned().ordinal());
      w.out.signedLong(e.nullParams());
      w.out.signedLong(e.nonNullParams());
      w.keys(e.releasedTwice());
      w.out.unsigned(e.nullMembers().size());
      for (String m : e.nullMembers()) w.out.str(m);
      w.out.bool(e.returnedConstant() != null);
      if (e.returnedConstant() != null) w.out.str(e.returnedConstant());
      writeChoices(w, e.choices());
    }
    w.out.unsigned(s.reclaimIfParam.size());
    for (Summary.ReclaimIfParam r : s.reclaimIfParam.values()) {
      w.out.unsigned(r.param());
      w.site(r.site());
    }
    w.out.bool(s.exitsDropped);
  }

  private Summary readSummary(MemoEntryReader r) throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    Summary s = new Summary();
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      LockKey key = r.key();
      Mode mode = r.mode();
      Site site = r.site();
      Set<LockKey> released = r.keys();
      int cuts = r.in.unsigned();
      int irqsOn = r.in.unsigned();
      FileSystemSet fs = r.fileSystems();
      long nullParams = r.in.signedLong();
      int userIterators = r.in.unsigned();
      long nonNullParams = r.in.signedLong();
      LockKey nest = r.in.bool() ? r.key() : null;
      List<OpsChoice> acquiredFor = readChoices(r);
      Summary.OtherPaths others = null;
      if (r.in.bool()) {
        FileSystemSet siteFor = r.fileSystems();
        List<Summary.Witness> paths = new ArrayList<>();
        for (int k = 0, m = r.in.unsigned(); k < m; k++) {
          FileSystemSet runsFor = r.fileSystems();
          paths.add(new Summary.Witness(runsFor, r.site()));
        }
        others = new Summary.OtherPaths(siteFor, List.copyOf(paths));
      }
      s.acquisitions.add(new Summary.Acquisition(
          key, mode, site, released, cuts, irqsOn, fs, nullParams, others, userIterators, nonNullParams, nest, acquiredFor));
    }
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      HeldLock held = r.held();
      LockKey key = r.key();
      Mode mode = r.mode();
      Site acquired = r.site();
      Set<LockClass> gates = r.classes();
      s.addPending(new Summary.PendingEdge(held, key, mode, acquired, gates, r.in.unsigned()));
    }
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      List<HeldLock> added = new ArrayList<>();
      for (int k = 0, m = r.in.unsigned(); k < m; k++) added.add(r.held());
      Set<LockKey> released = r.keys();
      ReturnKind returned = RETURNS[r.index(RETURNS.length)];
      long nullParams = r.in.signedLong();
      long nonNullParams = r.in.signedLong();
      Set<LockKey> releasedTwice = r.keys();
      List<String> nullMembers = new ArrayList<>();
      for (int k = 0, m = r.in.unsigned(); k < m; k++) nullMembers.add(r.in.str());
      String constant = r.in.bool() ? r.in.str() : null;
      List<OpsChoice> choices = readChoices(r);
      Summary.ExitEffect e = new Summary.ExitEffect(added, released, returned, nullParams, nonNullParams, releasedTwice, nullMembers, constant, choices);
      s.exits.put(e.identity(), e);
    }
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      int param = r.in.unsigned();
      s.addReclaimIfParam(new Summary.ReclaimIfParam(param, r.site()));
    }
    s.exitsDropped = r.in.bool();
    return s;
  }

  /** Ops-table choices, each table by name: a table's number is this run's own. */
  private void writeChoices(MemoEntryWriter w, List<OpsChoice> choices) {
    w.out.unsigned(choices.size());
    for (OpsChoice c : choices) {
      w.out.str(c.pointer());
      w.out.unsigned(c.tables().size());
      for (int k = 0; k < c.tables().size(); k++) w.out.str(graph.tableName(c.tables().id(k)));
    }
  }

  private List<OpsChoice> readChoices(MemoEntryReader r) throws MemoBytes.Malformed {
    int n = r.in.unsigned();
    if (n == 0) return List.of();
    List<OpsChoice> choices = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      String pointer = r.in.str();
      int[] ids = new int[r.in.unsigned()];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = graph == null ? -1 : graph.knownTableId(r.in.str());
        if (ids[j] < 0) throw new MemoBytes.Malformed("an ops table this run does not have");
      }
      choices.add(new OpsChoice(pointer, TableSet.of(ids)));
    }
    return List.copyOf(choices);
  }

  // ---- a component's other results: edges, call contexts, bounds

  /**
   * What {@code fork} collected while its component {@code members} was analyzed.
   *
   * @throws NotEncodable when it names a function that is neither a member nor a member's callee
   */
  private void encodeCollected(MemoEntryWriter w, AnalysisContext fork, List<Function> members, CallGraph graph) throws NotEncodable {
    Map<Function, Integer> index = indexOf(members);
    List<EdgeStore.Pair> pairs = new ArrayList<>();
    fork.edges().pairs().forEach(pairs::add);
    w.out.unsigned(pairs.size());
    for (EdgeStore.Pair p : pairs) {
      w.lockClass(p.from);
      w.lockClass(p.to);
      for (EdgeType t : TYPES) {
        EdgeStore.Occurrence o = p.best(t);
        w.out.bool(o != null);
        if (o == null) continue;
        w.out.unsigned(p.length(t));
        w.out.unsigned(member(index, o.frame()));
        w.site(o.held());
        w.site(o.acquired());
        w.fileSystems(o.runsFor());
      }
      w.out.unsigned(p.ungatedFrames.size());
      for (Function f : p.ungatedFrames) w.out.unsigned(member(index, f));
      List<Map.Entry<Function, Set<LockClass>>> gated = new ArrayList<>(p.gatesByFrame().entrySet());
      List<int[]> order = new ArrayList<>();
      for (int i = 0; i < gated.size(); i++) order.add(new int[] {member(index, gated.get(i).getKey()), i});
      order.sort(Comparator.comparingInt(a -> a[0]));
      w.out.unsigned(order.size());
      for (int[] o : order) {
        w.out.unsigned(o[0]);
        w.classes(gated.get(o[1]).getValue());
      }
    }
    AnalysisContext.Collected c = fork.collected();
    List<long[]> calls = new ArrayList<>();
    List<Set<LockClass>> held = new ArrayList<>();
    for (Map.Entry<Function, Map<AnalysisContext.CallSite, AnalysisContext.CallContext>> e : c.callContexts().entrySet()) {
      for (Map.Entry<AnalysisContext.CallSite, AnalysisContext.CallContext> call : e.getValue().entrySet()) {
        AnalysisContext.CallSite site = call.getKey();
        int caller = member(index, site.caller());
        int target = targetIndex(graph, site.caller(), site.node(), e.getKey());
        calls.add(new long[] {caller, site.node(), target, held.size()});
        held.add(call.getValue().held());
      }
    }
    calls.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]).thenComparingLong(a -> a[2]));
    w.out.unsigned(calls.size());
    for (long[] call : calls) {
      w.out.unsigned((int) call[0]);
      w.out.unsigned((int) call[1]);
      w.out.unsigned((int) call[2]);
      w.classes(held.get((int) call[3]));
    }
    w.members(index, c.heldStateBounded());
    w.members(index, c.exitBounded());
    w.members(index, c.recursionMembers());
    w.out.unsigned(c.recursions().size());
    for (AnalysisBounds.Recursion rec : c.recursions()) {
      w.out.unsigned(rec.functions());
      anchors.writeText(w.out, rec.around());
      w.out.unsigned(rec.stoppedBy().size());
      for (String b : rec.stoppedBy()) w.out.str(b);
    }
  }

  /** Reads what {@link #encodeCollected} wrote, as steps that add it to {@code fork}. */
  private List<Runnable> restoreCollected(MemoEntryReader r, List<Function> members, CallGraph graph, AnalysisContext fork)
      throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor {
    List<Runnable> apply = new ArrayList<>();
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      LockClass from = r.lockClass();
      LockClass to = r.lockClass();
      EdgeStore.Occurrence[] best = new EdgeStore.Occurrence[TYPES.length];
      int[] length = new int[TYPES.length];
      for (int t = 0; t < TYPES.length; t++) {
        if (!r.in.bool()) continue;
        length[t] = r.in.unsigned();
        Function frame = r.member(members);
        Site held = r.site();
        Site acquired = r.site();
        best[t] = new EdgeStore.Occurrence(frame, held, acquired, r.fileSystems());
      }
      List<Function> ungated = new ArrayList<>();
      for (int k = 0, m = r.in.unsigned(); k < m; k++) ungated.add(r.member(members));
      List<Function> gatedFrames = new ArrayList<>();
      List<Set<LockClass>> gates = new ArrayList<>();
      for (int k = 0, m = r.in.unsigned(); k < m; k++) {
        gatedFrames.add(r.member(members));
        gates.add(r.classes());
      }
      apply.add(() -> {
        EdgeStore.Pair p = fork.edges().pair(from, to);
        for (int t = 0; t < TYPES.length; t++) if (best[t] != null) p.keep(TYPES[t], length[t], best[t]);
        for (Function f : ungated) p.ungated(f);
        for (int k = 0; k < gatedFrames.size(); k++) p.gated(gatedFrames.get(k), gates.get(k));
      });
    }
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      Function caller = r.member(members);
      int node = r.in.unsigned();
      int target = r.in.unsigned();
      Set<LockClass> held = r.classes();
      List<CallTarget> targets = graph.targets(caller, node);
      if (target >= targets.size()) throw new MemoBytes.Malformed("no such call target");
      Function callee = targets.get(target).function();
      apply.add(() -> fork.noteCallContext(caller, node, callee, held));
    }
    List<Function> heldStateBounded = r.members(members);
    List<Function> exitBounded = r.members(members);
    List<Function> recursionMembers = r.members(members);
    List<AnalysisBounds.Recursion> recursions = new ArrayList<>();
    for (int i = 0, n = r.in.unsigned(); i < n; i++) {
      int functions = r.in.unsigned();
      String around = anchors.readText(r.in);
      List<String> by = new ArrayList<>();
      for (int k = 0, m = r.in.unsigned(); k < m; k++) by.add(r.in.str());
      recursions.add(new AnalysisBounds.Recursion(functions, around, by));
    }
    if (!r.in.atEnd()) throw new MemoBytes.Malformed("trailing bytes");
    apply.add(() -> {
      heldStateBounded.forEach(fork::noteHeldStateBound);
      exitBounded.forEach(fork::noteExitBound);
      fork.restoreRecursions(recursionMembers, recursions);
    });
    return apply;
  }

  private static Map<Function, Integer> indexOf(List<Function> members) {
    Map<Function, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < members.size(); i++) index.put(members.get(i), i);
    return index;
  }

  static int member(Map<Function, Integer> index, Function f) throws NotEncodable {
    Integer i = index.get(f);
    if (i == null) throw new NotEncodable("not a member: " + f.name());
    return i;
  }

  private static int targetIndex(CallGraph graph, Function caller, int node, Function callee) throws NotEncodable {
    List<CallTarget> targets = graph.targets(caller, node);
    for (int i = 0; i < targets.size(); i++) if (targets.get(i).function() == callee) return i;
    throw new NotEncodable("not a call target: " + callee.name());
  }

}
