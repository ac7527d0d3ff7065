package org.lockorder.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;

/**
 * Summaries kept between runs, per component of the call graph (ADR-009): a re-run after a small
 * change analyzes again only the components whose inputs changed, and reads the others' summaries,
 * edges and bounds back.
 *
 * <p>A component's key is a digest of everything its analysis reads: the program-wide tables
 * (declarations, lockdep class keys, file systems, macro constants, settings), each member's code
 * (its file's parse-cache key and its place in the file), and for each call the target's name,
 * how it was resolved, and the target's summary as bytes ({@link MemoCodec}) when it is outside the
 * component. So a change that leaves a function's summary as it was stops there: its callers keep
 * their keys (early cutoff). Positions in those bytes are relative to the definition they follow
 * ({@link SourceAnchors}), so code that only moved keeps its callers' keys too. A callee whose
 * summary may be specialised for constant arguments (ADR-007) adds a digest of its own inputs, as
 * the specialised analysis reads its code.
 *
 * <p>The memo never changes a result, only its cost: a restored component adds exactly the
 * summaries, edges, call contexts and bounds its analysis would; an entry that cannot be read back
 * whole is a miss.
 */
public final class SummaryMemo {
  private static final String FORMAT = "lockorder-summary-memo-20";

  /**
   * Where entries live between runs. An entry has two parts: the first is read whenever the entry
   * is; the second (its members' summaries) only when something asks for them, so a store keeps it
   * out of the heap until then (ADR-009, "Later (stop 51)").
   */
  public interface Store {
    /**
     * The first part of the entry under {@code key}, or null. Its bytes may live in an array the
     * store reuses: they are valid until the calling thread next reads from the store.
     */
    Entry get(String key);

    /** The second part of the entry under {@code key}, not read yet; null when there is none, or it is damaged. */
    Later later(String key);

    void put(String key, byte[] entry, byte[] later);

    /** Whether no entry can be found (a first run): then nothing is looked up. */
    boolean isEmpty();
  }

  /** The first {@code length} bytes of {@code bytes}. */
  public record Entry(byte[] bytes, int length) {}

  /** The second part of a stored entry, read when first needed. */
  public interface Later {
    /** Its bytes, or null when they cannot be read after all. */
    byte[] read();
  }

  /**
   * What the memo knows of one input file: its parse-cache key (its bytes, path, lock model and
   * the build), a digest of its declarations without their positions, and per function a digest
   * of its code with positions relative to its start.
   */
  public record UnitKeys(String file, String declarations, List<String> functions) {}

  private final Store store;
  private final Map<String, UnitKeys> units;
  private final String settings;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong encodeNanos = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong decodeNanos = new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param units by translation unit file (display path)
   * @param settings everything else the analysis depends on (options, the base lock model, the
   *     build)
   */
  public SummaryMemo(Store store, Map<String, UnitKeys> units, String settings) {
    this.store = store;
    this.units = Map.copyOf(units);
    this.settings = settings;
  }

  /** Components read back and components analyzed, over every run of this memo (--timings). */
  public int hits() {
    return hits.get();
  }

  public int misses() {
    return misses.get();
  }

  /** CPU-thread time spent writing entries and reading them back, in nanoseconds (--timings). */
  public long encodeNanos() {
    return encodeNanos.get();
  }

  public long decodeNanos() {
    return decodeNanos.get();
  }

  /**
   * What a run's keys start from that needs no call graph: each function's code, the anchors of
   * positions, and the digest of the program-wide tables (ADR-009). Made beside the call graph.
   */
  record Prepared(Map<Function, String> code, String global, SourceAnchors anchors) {}

  /**
   * {@link Prepared} for {@code program}, or null when some unit has no keys (nothing is kept then).
   *
   * @param classKeys {@link ClassKeys#collect} of the program's functions
   */
  Prepared prepare(List<TranslationUnit> program, int maxStatesPerNode, ClassKeys classKeys, FileSystems fileSystems,
      MacroConstants constants) {
    Map<Function, String> code = new IdentityHashMap<>();
    MessageDigest global = sha256();
    update(global, FORMAT);
    update(global, settings);
    update(global, "states " + maxStatesPerNode);
    SourceAnchors anchors = new SourceAnchors(program);
    for (TranslationUnit tu : program) {
      UnitKeys k = units.get(tu.file());
      if (k == null || k.functions().size() != tu.functions().size()) return null;
      update(global, tu.file());
      update(global, k.declarations());
      for (int i = 0; i < tu.functions().size(); i++) {
        Function f = tu.functions().get(i);
        // A function that anchors its own positions is known by its code wherever it moved; one
        // that does not (a name defined twice in the file) by its file's bytes and its place.
        code.put(f, anchors.anchorsItself(f) ? "code " + k.functions().get(i) : k.file() + "#" + i);
      }
    }
    update(global, classKeys.toString());
    update(global, fileSystems.describe());
    update(global, constants.describe());
    return new Prepared(code, HexFormat.of().formatHex(global.digest()), anchors);
  }

  /** One analysis' use of the memo from what {@link #prepare} made, or null when that is null. */
  Run start(Prepared prepared, CallGraph graph, AnalysisContext ctx) {
    return prepared == null ? null : new Run(graph, ctx, prepared.code(), prepared.global(), prepared.anchors());
  }

  /** The memo during one analysis: keys, digests of the summaries made so far, and the codec. */
  final class Run {
    private final CallGraph graph;
    private final AnalysisContext ctx;
    private final Map<Function, String> code;
    private final String global;
    private final SourceAnchors anchors;
    private final MemoCodec codec;
    /** By function index: the digest of its component's summaries, once the component is done. */
    private final AtomicReferenceArray<String> digests;
    /** By function index: the digest of what a specialised analysis of it reads, made on first need. */
    private final AtomicReferenceArray<String> specialisedInputs;
    /** The chain nodes of the components done so far, by the digest of their summaries. */
    private final Map<String, CallChain[]> chains = new java.util.concurrent.ConcurrentHashMap<>();
    private final String emptySummary;
    /** Whether the store has no entry to find (a first run): nothing is looked up then. */
    private final boolean empty;

    private Run(CallGraph graph, AnalysisContext ctx, Map<Function, String> code, String global, SourceAnchors anchors) {
      this.graph = graph;
      this.ctx = ctx;
      this.code = code;
      this.global = global;
      this.anchors = anchors;
      this.codec = new MemoCodec(anchors, chains::get, graph.bottomUpComponents().size(), graph);
      this.digests = new AtomicReferenceArray<>(ctx.functionCount());
      this.specialisedInputs = new AtomicReferenceArray<>(ctx.functionCount());
      this.calleeComponents = new AtomicReferenceArray<>(graph.bottomUpComponents().size());
      this.emptySummary = "no summary";
      this.empty = store.isEmpty();
    }

    /**
     * Reads the component's results back when the memo has them; else runs {@code analysis} and
     * keeps what it made.
     *
     * @return what {@code analysis} returned, 0 for a component read back
     */
    long analyze(List<Function> component, AnalysisContext fork, LongSupplier analysis) {
      int index = ctx.componentOf(component.get(0));
      String key = key(component);
      if (key != null && !empty) {
        Entry entry = store.get(key);
        Later later = entry == null ? null : store.later(key);
        if (later != null && restore(entry, later, component, index, fork)) {
          hits.incrementAndGet();
          return 0;
        }
      }
      misses.incrementAndGet();
      long result = analysis.getAsLong();
      encode(component, index, fork, key);
      return result;
    }

    private void encode(List<Function> component, int index, AnalysisContext fork, String key) {
      long encodeStart = System.nanoTime();
      MemoCodec.Encoded e = codec.encode(component, fork, graph, new Reach(index, this::calleeComponents));
      encodeNanos.addAndGet(System.nanoTime() - encodeStart);
      done(component, index, e.digest(), e.chains(), e.aliases(), e.aliasOf());
      if (key != null && e.blob() != null) store.put(key, e.blob(), e.later());
    }

    private boolean restore(Entry entry, Later later, List<Function> component, int index, AnalysisContext fork) {
      MemoCodec.Decoded d;
      long decodeStart = System.nanoTime();
      try {
        d = codec.decode(entry.bytes(), entry.length(), later, component, graph, fork);
      } catch (MemoBytes.Malformed | SourceAnchors.UnknownAnchor | RuntimeException e) {
        return false;
      } finally {
        decodeNanos.addAndGet(System.nanoTime() - decodeStart);
      }
      d.collected().forEach(Runnable::run);
      fork.restoreSummaries(component, d.summaries());
      done(component, index, d.digest(), d.chains(), new CallChain[0], new int[0]);
      return true;
    }

    /** How many read-back components' summaries something asked for, so far ({@link RestoredSummaries}). */
    int summariesDecoded() {
      return codec.summariesDecoded.get();
    }

    long summariesDecodeNanos() {
      return codec.summariesDecodeNanos.get();
    }

    /** By component index: the components its members call, made on first need. */
    private final AtomicReferenceArray<int[]> calleeComponents;

    private int[] calleeComponents(int c) {
      int[] known = calleeComponents.get(c);
      if (known != null) return known;
      java.util.BitSet out = new java.util.BitSet();
      for (Function f : graph.bottomUpComponents().get(c)) {
        for (Node n : f.cfg().nodes()) {
          for (CallTarget t : graph.targets(f, n.id())) {
            int d = ctx.componentOf(t.function());
            if (d >= 0 && d != c) out.set(d);
          }
        }
      }
      int[] made = out.stream().toArray();
      calleeComponents.compareAndSet(c, null, made);
      return made;
    }

    /** Makes a component's entry nameable by its callers' ({@link MemoCodec#register}). */
    private void done(List<Function> component, int index, String digest, CallChain[] nodes, CallChain[] aliases, int[] aliasOf) {
      codec.register(index, digest, nodes, aliases, aliasOf);
      chains.putIfAbsent(digest, nodes);
      for (Function f : component) digests.set(ctx.indexOf(f), digest);
    }

    /**
     * The component's key, or null when a member's code has no key (it is analyzed every time).
     */
    private String key(List<Function> component) {
      Map<Function, Integer> members = new IdentityHashMap<>();
      for (int i = 0; i < component.size(); i++) members.put(component.get(i), i);
      boolean keyed = true;
      MemoBytes.Out out = new MemoBytes.Out();
      for (Function f : component) keyed &= describe(out, f, members);
      if (!keyed) return null;
      String described = HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
      Function only = component.get(0);
      if (component.size() == 1 && graph.callers(only).stream().noneMatch(c -> c == only)) {
        // What a specialised analysis of it reads is what its own analysis reads: its callers'
        // keys ask for that digest (specialisedInputsOf), and it need not be described again.
        specialisedInputs.compareAndSet(ctx.indexOf(only), null, specialisedDigest(described));
      }
      MemoBytes.Out key = new MemoBytes.Out();
      key.str(global);
      key.unsigned(component.size());
      key.str(described);
      return HexFormat.of().formatHex(sha256().digest(key.toByteArray()));
    }

    /**
     * Writes what the analysis of {@code f} reads besides the program-wide tables: its code, its
     * interrupt context and handoffs, and per call its targets; a target among {@code members} by
     * its index, any other by its component's digest (and, when it may be specialised, the digest
     * of its own inputs). False when {@code f}'s code has no key.
     */
    private boolean describe(MemoBytes.Out out, Function f, Map<Function, Integer> members) {
      String id = codeOf(f);
      if (id == null) return false;
      out.str(id);
      out.bool(graph.irqOnly(f));
      out.str(graph.runsFor(f).toString());
      out.str(new TreeSet<>(graph.handoffs(f)).toString());
      int component = ctx.componentOf(f);
      boolean keyed = true;
      for (Node n : f.cfg().nodes()) {
        List<CallTarget> targets = graph.targets(f, n.id());
        if (targets.isEmpty()) continue;
        out.unsigned(n.id() + 1);
        out.unsigned(targets.size());
        for (CallTarget t : targets) {
          Function g = t.function();
          out.str(g.name());
          out.str(g.location().file());
          anchors.writeText(out, t.via());
          anchors.write(out, t.storedAt());
          long[] in = t.storedIn() == null ? new long[] {-1} : t.storedIn().words();
          out.str(in == null ? "any" : java.util.Arrays.toString(in));
          out.bool(graph.isPageFault(g));
          Integer m = members.get(g);
          if (m != null) {
            out.unsigned(m + 1);
            continue;
          }
          out.unsigned(0);
          int c = ctx.componentOf(g);
          String d = c < 0 ? emptySummary : digests.get(ctx.indexOf(g));
          if (d == null) throw new IllegalStateException(g.name() + " is called before its summary is done");
          out.str(d);
          if (c >= 0 && c < component && ctx.branchesOnParameters(g)) {
            String s = specialisedInputsOf(g);
            if (s == null) keyed = false;
            else out.str(s);
          }
          // Which argument a callee's exits release through is read from code, not from its
          // summary: a changed unlock can leave the summary as it was.
          if (c >= 0 && c < component && !ctx.releasedByExits(g).isEmpty()) out.str(releasesOf(g));
        }
      }
      out.unsigned(0);
      return keyed;
    }

    /** Where {@code f}'s code comes from: its file and place, a copy's original, or the lock model. */
    private String codeOf(Function f) {
      String id = code.get(f);
      if (id != null) return id;
      Function original = graph.originalOf(f);
      if (original != null) {
        String of = code.get(original);
        Map<String, Long> constants = graph.constantBinding(f);
        return of == null ? null : of + " copy" + (constants.isEmpty() ? "" : " " + new java.util.TreeMap<>(constants));
      }
      // Synthetic code is made from the lock model (in the settings) and its targets (described).
      return "synthetic " + f.name();
    }

    /** {@link AnalysisContext#releaseParams} of {@code g}, in a stable order. */
    private String releasesOf(Function g) {
      java.util.TreeMap<String, Integer> sorted = new java.util.TreeMap<>();
      ctx.releaseParams(g).forEach((k, p) -> sorted.put(k.toString(), p));
      return "releases " + sorted;
    }

    private String specialisedInputsOf(Function g) {
      int i = ctx.indexOf(g);
      String known = specialisedInputs.get(i);
      if (known != null) return known;
      MemoBytes.Out out = new MemoBytes.Out();
      if (!describe(out, g, Map.of())) return null;
      specialisedInputs.compareAndSet(i, null, specialisedDigest(HexFormat.of().formatHex(sha256().digest(out.toByteArray()))));
      return specialisedInputs.get(i);
    }

    /**
     * The digest of what a specialised analysis of a function reads, from the digest of its
     * description ({@link #describe}) with no member of its own: for a function in no recursion,
     * its component's description, which {@link #key} made already.
     */
    private String specialisedDigest(String described) {
      MemoBytes.Out out = new MemoBytes.Out();
      out.str("specialised");
      out.str(described);
      return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
    }
  }

  /**
   * Whether a component is one that {@code self}'s members call, directly or not: done before it
   * in every run, so its entry may be named (ADR-009, "Canonical entries"). A breadth-first walk
   * of the calls, resumed where it stopped at each question: an entry names a few components,
   * most of them close.
   */
  static final class Reach implements java.util.function.IntPredicate {
    private final java.util.function.IntFunction<int[]> callees;
    private final java.util.BitSet seen = new java.util.BitSet();
    private final IntList queue = new IntList();
    private int next;

    /** @param callees by component index: the components its members call */
    Reach(int self, java.util.function.IntFunction<int[]> callees) {
      this.callees = callees;
      seen.set(self);
      queue.add(self);
    }

    @Override
    public boolean test(int component) {
      while (!seen.get(component) && next < queue.size()) {
        for (int d : callees.apply(queue.get(next++))) {
          if (!seen.get(d)) {
            seen.set(d);
            queue.add(d);
          }
        }
      }
      return seen.get(component) && component != queue.get(0);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }
}
