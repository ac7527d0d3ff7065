package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.Mode;
import org.lockorder.ir.Prototype;
import org.lockorder.model.ReclaimModel;

/**
 * The state of one analysis run: program tables, call graph, summaries, edges, bounds. A {@link
 * #fork} shares the tables and the summaries and collects its own edges, call contexts and bounds,
 * which {@link #addAll} adds back in a fixed order: components analyzed on several threads give
 * the result of analyzing them one after the other.
 */
final class AnalysisContext {
  private final Program program;
  private final LockClassResolver resolver;
  private final CallGraph callGraph;
  /**
   * Every function's summary by its index in {@link #indexes} (null until analyzed). An array and
   * not a map, so that forks on several threads can each set their functions' summaries while
   * others read their callees' (each read happens after the write it needs: a component starts
   * once its callees' components are done).
   */
  private final Map<Function, Integer> indexes;
  private final Summary[] summaries;
  /**
   * By function index: where the summary of a function read back from the summary memo waits to
   * be decoded ({@link RestoredSummaries}), and its place among its component's members. Set like
   * {@link #summaries}, before the component's callers start.
   */
  private final RestoredSummaries[] restored;
  private final int[] restoredAt;
  /**
   * By function index, made on first need: its ops pointers ({@link DispatchPointers}). A function
   * in a recursion is analyzed many times, and again for each set of constants passed to it.
   */
  private final java.util.concurrent.atomic.AtomicReferenceArray<DispatchPointers> dispatchPointers;
  /** By function index: its component's index in the call graph's bottom-up order. */
  private final int[] components;
  private final ConstantArguments constantArguments;
  private final EdgeStore edges = new EdgeStore();
  private final AtomicContext atomic;
  private final int maxStatesPerNode;
  /** callee → (caller, call node) → locks held at that call, intersected over states. */
  private final Map<Function, Map<CallSite, CallContext>> callContexts = new IdentityHashMap<>();

  record CallContext(Function caller, Set<LockClass> held) {}

  /** A call node of a function, the function compared by reference. */
  record CallSite(Function caller, int node) {
    @Override
    public boolean equals(Object o) {
      return o instanceof CallSite c && c.caller == caller && c.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(caller) * 31 + node;
    }
  }

  private final LockClass reclaimClass;
  private final Mode reclaimMode;
  private final ReclaimModel reclaimModel;

  AnalysisContext(Program program, CallGraph callGraph, int maxStatesPerNode, ReclaimModel reclaim) {
    this(program, callGraph, maxStatesPerNode, reclaim, MacroConstants.NONE);
  }

  /** @param constants the input headers' macro constants (ADR-007) */
  AnalysisContext(Program program, CallGraph callGraph, int maxStatesPerNode, ReclaimModel reclaim, MacroConstants constants) {
    this(program, callGraph, maxStatesPerNode, reclaim, constants, ClassKeys.collect(program.functions(), program, callGraph.fileSystems()));
  }

  /** @param classKeys {@link ClassKeys#collect} of the program's functions */
  AnalysisContext(
      Program program, CallGraph callGraph, int maxStatesPerNode, ReclaimModel reclaim, MacroConstants constants, ClassKeys classKeys) {
    this.program = program;
    this.resolver = new LockClassResolver(program, classKeys, callGraph.model() == null ? Set.of() : callGraph.model().lockWrappers());
    this.callGraph = callGraph;
    this.atomic = new AtomicContext(callGraph.model());
    this.maxStatesPerNode = maxStatesPerNode;
    this.reclaimClass = reclaim == null ? null : LockClass.of(reclaim.lockClass());
    this.reclaimMode = reclaim == null ? null : reclaim.mode();
    this.reclaimModel = reclaim;
    this.indexes = new IdentityHashMap<>();
    List<List<Function>> bottomUp = callGraph.bottomUpComponents();
    List<Integer> componentOf = new ArrayList<>();
    for (int c = 0; c < bottomUp.size(); c++) {
      for (Function f : bottomUp.get(c)) {
        if (indexes.putIfAbsent(f, indexes.size()) == null) componentOf.add(c);
      }
    }
    this.summaries = new Summary[indexes.size()];
    this.restored = new RestoredSummaries[indexes.size()];
    this.restoredAt = new int[indexes.size()];
    this.dispatchPointers = new java.util.concurrent.atomic.AtomicReferenceArray<>(indexes.size());
    this.releaseParams = new java.util.concurrent.atomic.AtomicReferenceArray<>(indexes.size());
    this.components = componentOf.stream().mapToInt(Integer::intValue).toArray();
    this.constantArguments = new ConstantArguments(indexes, callGraph, constants);
  }

  private AnalysisContext(AnalysisContext shared) {
    this.program = shared.program;
    this.resolver = shared.resolver;
    this.callGraph = shared.callGraph;
    this.atomic = shared.atomic;
    this.maxStatesPerNode = shared.maxStatesPerNode;
    this.reclaimClass = shared.reclaimClass;
    this.reclaimMode = shared.reclaimMode;
    this.reclaimModel = shared.reclaimModel;
    this.indexes = shared.indexes;
    this.summaries = shared.summaries;
    this.restored = shared.restored;
    this.restoredAt = shared.restoredAt;
    this.dispatchPointers = shared.dispatchPointers;
    this.releaseParams = shared.releaseParams;
    this.components = shared.components;
    this.constantArguments = shared.constantArguments;
    this.contextTests = shared.contextTests;
  }

  /** By callee name: what a call of it tests of the interrupt context, or null (the lock model's ops). */
  private java.util.function.Function<String, org.lockorder.model.Op> contextTests = name -> null;

  /** Reads the lock model's {@code in-interrupt} and {@code in-task} tests from {@code ops}. */
  void setContextTests(java.util.function.Function<String, org.lockorder.model.Op> ops) {
    contextTests = ops;
  }

  /**
   * For a call of {@code callee} that tests the interrupt context, which result only task context
   * gives: TRUE when non-zero ({@code in_task()}), FALSE when zero ({@code in_interrupt()}); else
   * null.
   */
  Boolean taskWhenNonzero(String callee) {
    org.lockorder.model.Op op = contextTests.apply(callee);
    if (op == org.lockorder.model.Op.IN_TASK) return Boolean.TRUE;
    if (op == org.lockorder.model.Op.IN_INTERRUPT) return Boolean.FALSE;
    return null;
  }

  /** A context for analyzing one component on a thread of its own; see {@link #addAll}. */
  AnalysisContext fork() {
    return new AnalysisContext(this);
  }

  /**
   * Adds the edges, call contexts and bounds that {@code fork} collected, as if its component had
   * been analyzed here after everything before it. Forks are added in the components' order.
   */
  void addAll(AnalysisContext fork) {
    edges.addAll(fork.edges);
    fork.callContexts.forEach((callee, byCall) -> byCall.forEach((site, c) -> noteCallContext(site, callee, c.held())));
    heldStateBounded.addAll(fork.heldStateBounded);
    exitBounded.addAll(fork.exitBounded);
    recursionMembers.addAll(fork.recursionMembers);
    fork.recursions.values().forEach(this::noteRecursion);
  }

  /** The reclaim model (gfp flag names), or null. */
  ReclaimModel reclaimModel() {
    return reclaimModel;
  }

  /** The fs_reclaim pseudo-lock's class, or null when the model has no reclaim section. */
  LockClass reclaimClass() {
    return reclaimClass;
  }

  Mode reclaimMode() {
    return reclaimMode;
  }

  /**
   * The locker kind of an acquisition in {@code fn}. An rwlock_t reader is recursive in interrupt
   * context (lockdep's read_lock_is_recursive()), so it is R in functions that only run there.
   */
  Mode lockerMode(Function fn, Event.Acquire a) {
    return lockerMode(callGraph, fn, a);
  }

  static Mode lockerMode(CallGraph callGraph, Function fn, Event.Acquire a) {
    if (a.mode() == Mode.READ && "rwlock".equals(a.kind()) && callGraph.irqOnly(fn)) return Mode.RECURSIVE_READ;
    return a.mode();
  }

  Program program() {
    return program;
  }

  LockClassResolver resolver() {
    return resolver;
  }

  CallGraph callGraph() {
    return callGraph;
  }

  /** Which held locks make a path atomic and which acquisitions sleep (ADR-014). */
  AtomicContext atomic() {
    return atomic;
  }

  EdgeStore edges() {
    return edges;
  }

  int maxStatesPerNode() {
    return maxStatesPerNode;
  }

  /**
   * True while the held states of a recursion are being solved: calls then record transfers
   * instead of applying callees' acquisitions, which are applied once, when the states are final.
   */
  private boolean deferCalls;
  /**
   * Members of the recursion being solved whose callers may not assume they return yet: the
   * iteration starts from "no call returns" and only adds exit effects, so that no state comes from
   * a callee that was merely not analyzed yet.
   */
  private Set<Function> notReturning = Set.of();

  void setDeferCalls(boolean value) {
    deferCalls = value;
  }

  boolean deferCalls() {
    return deferCalls;
  }

  void setNotReturning(Set<Function> members) {
    notReturning = members;
  }

  /**
   * Whether a call of {@code f}, whose summary has no exit effects, continues (as an unknown
   * callee does). It does not for a member of the recursion being solved that has no exit yet,
   * nor for code outside every recursion none of whose paths returns: each ends in a call the
   * lock model says never returns, or loops forever ({@code die()} around {@code exit()}, a
   * kernel helper that ends in {@code BUG()}). A recursion's member still without exits once it
   * is solved continues, and so does the lock model's synthetic code and code defined in a
   * header, where a {@code BUG()} body is the fallback for what an architecture defines
   * ({@code pmd_write} in include/linux/pgtable.h, which no caller reaches on an architecture
   * with huge pages).
   */
  boolean returnsWithoutExits(Function f) {
    if (notReturning.contains(f)) return false;
    String file = f.location().file();
    if (file.equals(SyntheticFunction.LOCATION.file()) || file.endsWith(".h")) return true;
    int c = componentOf(f);
    if (c < 0) return true;
    // By identity, as everywhere for functions: a Function record's equals compares whole CFGs.
    return callGraph.bottomUpComponents().get(c).size() > 1 || callGraph.callers(f).stream().anyMatch(caller -> caller == f);
  }

  Summary summary(Function f) {
    Integer i = indexes.get(f);
    if (i == null) return EMPTY;
    Summary s = summaries[i];
    if (s == null && restored[i] != null) s = restored[i].summary(restoredAt[i]);
    return s == null ? EMPTY : s;
  }

  /**
   * What the interrupt-usage rule reads of {@code f}'s summary, of the kinds in {@code kinds}
   * ({@link IrqCandidate}): for a function read back, kept beside its summary when it was written
   * (then its summary is not decoded).
   */
  List<IrqCandidate> irqCandidates(Function f, int kinds) {
    Integer i = indexes.get(f);
    if (i != null && summaries[i] == null && restored[i] != null) {
      List<IrqCandidate> kept = restored[i].irqCandidates(restoredAt[i], kinds);
      if (kept != null) return kept;
    }
    return IrqCandidate.of(summary(f), kinds);
  }

  /** Drops what a read-back function's entry kept of its interrupt usages ({@link IrqUsages#offer}). */
  void forgetIrqCandidates(Function f) {
    Integer i = indexes.get(f);
    if (i != null && restored[i] != null) restored[i].forgetIrqCandidates(restoredAt[i]);
  }

  /** The summaries of a component read back from the memo, decoded when first asked for. */
  void restoreSummaries(List<Function> members, RestoredSummaries r) {
    for (int m = 0; m < members.size(); m++) {
      Integer i = indexes.get(members.get(m));
      if (i == null) throw new IllegalArgumentException("no component holds " + members.get(m).name());
      restoredAt[i] = m;
      restored[i] = r;
    }
  }

  private static final Summary EMPTY = new Summary();

  /**
   * The summary of {@code callee} for a call from {@code caller} with {@code args}, specialised
   * for the constants they pass ({@link ConstantArguments}); null for the general one. {@code
   * bound}: the values of {@code caller}'s own parameters, when its analysis is itself specialised;
   * {@code masks}: the bits its flag locals (and parameters bound to a mask) can only have.
   */
  Summary specialisedSummary(
      Function caller, Function callee, List<org.lockorder.ir.Arg> args, Map<String, Long> bound, Map<String, Long> masks) {
    Integer c = indexes.get(callee);
    Integer f = indexes.get(caller);
    if (c == null || f == null || components[c] >= components[f]) return null;
    return constantArguments.summaryFor(this, callee, c, args, bound, masks, program.namedConstants(caller, constantArguments.constants()));
  }

  /** By function index, made on first need: {@link #releaseParams}. */
  private final java.util.concurrent.atomic.AtomicReferenceArray<Map<LockKey, Integer>> releaseParams;

  /**
   * By lock class (without subclass): the parameter every release of that class in {@code f} goes
   * through, for classes whose releases all go through one parameter the body never assigns. A
   * release is an unlock in {@code f}'s own body ({@code mutex_unlock(&pipe->mutex)}: parameter
   * 0), or a call whose callee's exits release the class: through the argument the callee's own
   * map names, when that argument is one of {@code f}'s parameters as it is. A caller applying an
   * exit that released such a class releases the lock it took through that argument.
   *
   * <p>Only callees in earlier components are read (their summaries are final, so the map does
   * not depend on the order the analysis threads ask in); a callee in {@code f}'s own recursion
   * adds nothing, as the callees did before any were read. The summary memo's keys carry the map
   * of each callee whose exits release ({@link SummaryMemo}): it is read from code, which a
   * summary may not show.
   */
  Map<LockKey, Integer> releaseParams(Function f) {
    Integer i = indexes.get(f);
    if (i == null) return Map.of();
    Map<LockKey, Integer> known = releaseParams.get(i);
    if (known != null) return known;
    Map<LockKey, Integer> out = new HashMap<>();
    java.util.Set<LockKey> mixed = new java.util.HashSet<>();
    PointerFacts facts = new PointerFacts(f, Map.of(), Map.of());
    for (org.lockorder.ir.Node n : f.cfg().nodes()) {
      if (n.event() instanceof Event.Release r) {
        LockClassResolver.Resolved res = resolver.resolve(r.lock(), f);
        if (res == null) continue;
        String through = facts.through(r.lock().path());
        noteRelease(out, mixed, res.key().base(), through == null || through.contains("->") ? null : Integer.valueOf(through));
        continue;
      }
      List<org.lockorder.ir.Arg> args = Event.callArgs(n.event());
      if (args == null) continue;
      for (CallTarget t : callGraph.targets(f, n.id())) {
        Function g = t.function();
        if (componentOf(g) < 0 || componentOf(g) >= components[i]) continue;
        java.util.Set<LockKey> released = releasedByExits(g);
        if (released.isEmpty()) continue;
        Map<LockKey, Integer> theirs = releaseParams(g);
        for (LockKey k : released) {
          Integer param = theirs.get(k);
          String through = param == null ? null : facts.throughArgument(String.valueOf(param), args);
          noteRelease(out, mixed, k, through == null || through.contains("->") ? null : Integer.valueOf(through));
        }
      }
    }
    out.keySet().removeAll(mixed);
    Map<LockKey, Integer> made = Map.copyOf(out);
    releaseParams.compareAndSet(i, null, made);
    return releaseParams.get(i);
  }

  private static void noteRelease(Map<LockKey, Integer> out, java.util.Set<LockKey> mixed, LockKey base, Integer param) {
    if (param == null || (out.containsKey(base) && !out.get(base).equals(param))) mixed.add(base);
    else out.put(base, param);
  }

  /** The classes (without subclass) some exit of {@code g}'s general summary releases; parameter locks are left out. */
  java.util.Set<LockKey> releasedByExits(Function g) {
    Integer i = indexes.get(g);
    if (i != null && summaries[i] == null && restored[i] != null) return restored[i].releasedByExits(restoredAt[i]);
    return releasedByExits(summary(g));
  }

  /** {@link #releasedByExits(Function)} of a summary. */
  static java.util.Set<LockKey> releasedByExits(Summary s) {
    java.util.Set<LockKey> out = null;
    for (Summary.ExitEffect e : s.exits.values()) {
      for (LockKey k : e.released()) {
        if (!(k instanceof LockKey.OfClass)) continue;
        if (out == null) out = new java.util.HashSet<>();
        out.add(k.base());
      }
    }
    return out == null ? java.util.Set.of() : out;
  }

  DispatchPointers dispatchPointers(Function f) {
    Integer i = indexes.get(f);
    if (i == null) return new DispatchPointers(f);
    DispatchPointers known = dispatchPointers.get(i);
    if (known != null) return known;
    dispatchPointers.compareAndSet(i, null, new DispatchPointers(f));
    return dispatchPointers.get(i);
  }

  /** The function's index, the one summaries are kept by; -1 for a function outside every component. */
  int indexOf(Function f) {
    Integer i = indexes.get(f);
    return i == null ? -1 : i;
  }

  /** The function's component in the bottom-up order; -1 outside every component. */
  int componentOf(Function f) {
    Integer i = indexes.get(f);
    return i == null ? -1 : components[i];
  }

  /** How many functions have an index. */
  int functionCount() {
    return summaries.length;
  }

  /** Whether a call of {@code f} may get a summary specialised for its constant arguments (ADR-007). */
  boolean branchesOnParameters(Function f) {
    Integer i = indexes.get(f);
    return i != null && constantArguments.branchesOnParameters(i);
  }

  /** What {@link ProgramView#boundForCall} needs of this context, which it does not keep. */
  Map<Function, Integer> indexes() {
    return indexes;
  }

  int[] components() {
    return components;
  }

  ConstantArguments constantArguments() {
    return constantArguments;
  }

  /** The input headers' macro constants (ADR-007). */
  MacroConstants macroConstants() {
    return constantArguments.constants();
  }

  /** How many specialised summaries the analysis made (--timings). */
  int specialisations() {
    return constantArguments.count();
  }

  boolean hasSummary(Function f) {
    Integer i = indexes.get(f);
    return i != null && (summaries[i] != null || restored[i] != null);
  }

  /** Bound names in {@link AnalysisBounds.Recursion#stoppedBy()}. */
  static final String HELD_STATE_ROUNDS = "held-state rounds";
  static final String PROPAGATION_STEPS = "propagation steps";

  /** A recursion stopped before its fixpoint: {@code bound} is one of the names above. */
  void noteRecursionBound(List<Function> scc, String bound, long limit) {
    recursionMembers.addAll(scc);
    Function first = scc.get(0);
    String around = first.name() + " (" + first.location() + ")";
    noteRecursion(new AnalysisBounds.Recursion(scc.size(), around, List.of(bound + " (" + limit + ")")));
  }

  /** Adds {@code r}'s bounds to those of the same recursion already noted. */
  private void noteRecursion(AnalysisBounds.Recursion r) {
    AnalysisBounds.Recursion old = recursions.get(r.around());
    List<String> by = new ArrayList<>(old == null ? List.of() : old.stoppedBy());
    for (String b : r.stoppedBy()) if (!by.contains(b)) by.add(b);
    recursions.put(r.around(), new AnalysisBounds.Recursion(r.functions(), r.around(), by));
  }

  /** @throws IllegalArgumentException for a function outside the call graph's components */
  void setSummary(Function f, Summary s) {
    Integer i = indexes.get(f);
    if (i == null) throw new IllegalArgumentException("no component holds " + f.name());
    summaries[i] = s;
  }

  /** A program point of {@code f} had more held-lock states than the per-node bound. */
  void noteHeldStateBound(Function f) {
    heldStateBounded.add(f);
  }

  /** {@code f} had more distinct exit effects than a summary keeps ({@link Summary#MAX_EXITS}). */
  void noteExitBound(Function f) {
    exitBounded.add(f);
  }

  private final Set<Function> heldStateBounded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Function> exitBounded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Function> recursionMembers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** By first function, in the order they stopped. */
  private final Map<String, AnalysisBounds.Recursion> recursions = new java.util.LinkedHashMap<>();

  AnalysisBounds bounds() {
    Set<Function> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    all.addAll(heldStateBounded);
    all.addAll(exitBounded);
    all.addAll(recursionMembers);
    return new AnalysisBounds(all.size(), heldStateBounded.size(), exitBounded.size(), new ArrayList<>(recursions.values()));
  }

  /**
   * What a fork collected besides edges, for the summary memo ({@link MemoCodec}): the call
   * contexts by callee and call, the functions each bound stopped, and the recursions stopped.
   */
  record Collected(
      Map<Function, Map<CallSite, CallContext>> callContexts, Set<Function> heldStateBounded, Set<Function> exitBounded,
      Set<Function> recursionMembers, List<AnalysisBounds.Recursion> recursions) {}

  Collected collected() {
    return new Collected(callContexts, heldStateBounded, exitBounded, recursionMembers, new ArrayList<>(recursions.values()));
  }

  /** Adds recursions stopped by a bounds and their members, as {@link #noteRecursionBound} did. */
  void restoreRecursions(java.util.Collection<Function> members, List<AnalysisBounds.Recursion> stopped) {
    recursionMembers.addAll(members);
    stopped.forEach(this::noteRecursion);
  }

  /** Notes the classes held at a call; {@code held} is not modified nor kept. */
  void noteCallContext(Function caller, int node, Function callee, Set<LockClass> held) {
    noteCallContext(new CallSite(caller, node), callee, held);
  }

  private void noteCallContext(CallSite site, Function callee, Set<LockClass> held) {
    Map<CallSite, CallContext> byCall = callContexts.computeIfAbsent(callee, k -> new HashMap<>());
    CallContext old = byCall.get(site);
    if (old == null) {
      byCall.put(site, new CallContext(site.caller(), new TreeSet<>(held)));
    } else {
      old.held().retainAll(held);
    }
  }

  /** The calls into {@code callee} with the classes held at each (not to be modified). */
  java.util.Collection<CallContext> callContexts(Function callee) {
    return callContexts.getOrDefault(callee, Map.of()).values();
  }

  Event nodeEvent(Function f, int node) {
    return f.cfg().node(node).event();
  }

  /**
   * Sparse annotations of the definition, plus those of a prototype when it has its own, less the
   * stale ones: an annotation naming a member its struct, as declared, does not have (6.1's afs
   * seq_file methods say {@code __acquires(cell->proc_lock)}, and {@code struct afs_cell} has no
   * {@code proc_lock}; the methods only enter RCU).
   */
  List<LockAnnotation> annotations(Function f) {
    return annotations(program, f);
  }

  static List<LockAnnotation> annotations(Program program, Function f) {
    Prototype p = program.prototype(f.name());
    List<LockAnnotation> all;
    if (p == null || p.annotations().isEmpty()) {
      all = f.annotations();
    } else if (f.annotations().isEmpty()) {
      all = p.annotations();
    } else {
      all = new ArrayList<>(f.annotations());
      for (LockAnnotation a : p.annotations()) {
        boolean dup = all.stream().anyMatch(b -> b.kind().equals(a.kind()) && b.lock().text().equals(a.lock().text()));
        if (!dup) all.add(a);
      }
    }
    if (all.isEmpty() || all.stream().noneMatch(a -> stale(program, f, a))) return all;
    return all.stream().filter(a -> !stale(program, f, a)).toList();
  }

  private static boolean stale(Program program, Function f, LockAnnotation a) {
    org.lockorder.ir.AccessPath path = a.lock().path();
    if (path == null || path.fields().isEmpty()) return false;
    String owner = program.ownerTag(path, f);
    return owner != null && program.lacksMember(owner, path.fields().get(path.fields().size() - 1));
  }
}
