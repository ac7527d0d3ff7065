package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.Event;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.Node;
import org.lockorder.ir.Param;
import org.lockorder.ir.IrqLevel;
import org.lockorder.model.LockModel;
import org.lockorder.model.PageFaultModel;
import org.lockorder.model.ReclaimModel;
import org.lockorder.model.StubModel;

/**
 * Who calls whom: direct calls, calls through ops tables (resolved through struct initializers
 * and through function pointers stored in code), the implicit page-fault handler behind
 * may-fault calls, stand-ins for functions outside the analyzed code, and thread start routines.
 * Also knows the entry points (memory reclaim and interrupt handlers among them), which functions
 * run only in interrupt context, and a bottom-up order.
 */
final class CallGraph {
  private final Program program;
  private final List<Function> functions = new ArrayList<>();
  private final Map<Function, Map<Integer, List<CallTarget>>> targets = new IdentityHashMap<>();
  /** The reclaim model's entries the program defines: called from {@code <fs reclaim>} only. */
  private final Set<String> reclaimEntries = new java.util.HashSet<>();
  private final Map<Function, List<Function>> callers = new IdentityHashMap<>();
  private final Map<Function, String> entryReasons = new IdentityHashMap<>();
  private final Function pageFault;
  /** The fault handlers run by a caller that holds the fault lock already (get_user_pages). */
  private final Function pageFaultLockHeld;
  private final LockModel model;
  private final FileSystems fileSystems;
  /** slot "struct.field" (or ".field" when the struct is unknown) → functions stored there. */
  private final Map<String, List<CallTarget>> slots = new HashMap<>();
  /** Stand-ins built so far, by the name they stand for. */
  private final Map<String, Function> stubs = new HashMap<>();
  /** Interrupt handlers (request_irq, timer_setup, ...) and the level they run at. */
  private final Map<Function, IrqLevel> irqHandlers = new IdentityHashMap<>();
  /** Functions that only ever run in interrupt context: handlers and what only they call. */
  private final Set<Function> irqOnly = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Entry points whose reason is a store of their address in a function body ({@link #runsWhereCalled}). */
  private final Set<Function> storedAtRunTime = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  CallGraph(Program program, LockModel model) {
    this(program, model, MacroConstants.NONE);
  }

  /** @param constants the headers' macro constants, for the copies made for constant arguments */
  CallGraph(Program program, LockModel model, MacroConstants constants) {
    this(program, model, constants, FileSystems.of(program, model.fileSystems()));
  }

  /** @param fileSystems {@link FileSystems#of} the program and the model's file systems */
  CallGraph(Program program, LockModel model, MacroConstants constants, FileSystems fileSystems) {
    this.program = program;
    this.model = model;
    this.constants = constants;
    this.fileSystems = fileSystems;
    functions.addAll(program.functions());
    collectSlots();
    PageFaultModel faultModel = model.pageFault();
    if (faultModel != null) {
      pageFault = addSynthetic(SyntheticFunction.PAGE_FAULT,
          new SyntheticFunction.HeldAround(faultModel.lockClass(), faultModel.kind(), faultModel.mode(), "page fault"),
          faultModel.handlerFields());
      entryReasons.put(pageFault, "a page fault on a mapped file");
      pageFaultLockHeld = addSynthetic(
          "<page fault, " + faultModel.lockClass() + " held>", null, faultModel.handlerFields());
    } else {
      pageFault = null;
      pageFaultLockHeld = null;
    }
    ReclaimModel reclaim = model.reclaim();
    if (reclaim != null) {
      // The allocator's own ways into reclaim run under the reclaim lock, from here only.
      List<CallTarget> entries = new ArrayList<>();
      for (String name : reclaim.entries()) {
        Function f = program.resolve(name, null);
        if (f == null) continue;
        entries.add(new CallTarget(f, "the page allocator's reclaim (lock model: reclaim.entries)", null));
        reclaimEntries.add(name);
      }
      Function r = addSynthetic(SyntheticFunction.RECLAIM,
          new SyntheticFunction.HeldAround(reclaim.lockClass(), reclaim.kind(), reclaim.mode(), "fs_reclaim_acquire"),
          reclaim.handlerFields(), entries);
      entryReasons.put(r, "memory reclaim (kswapd, or direct reclaim in an allocation)");
    }
    for (Function f : program.functions()) resolveCalls(f);
    bindOpsArguments();
    bindConstantArguments();
    model.handoffs().forEach((slot, lockClass) -> {
      for (CallTarget t : slots.getOrDefault(slot, List.of())) {
        handoffs.computeIfAbsent(t.function(), k -> new java.util.TreeSet<>()).add(LockClass.of(lockClass));
      }
    });
    dropReplacedOriginals();
    for (Function f : functions) {
      for (List<CallTarget> ts : targets.getOrDefault(f, Map.of()).values()) {
        for (CallTarget t : ts) {
          List<Function> cs = callers.computeIfAbsent(t.function(), k -> new ArrayList<>());
          // f's calls are added together, so a repeat is the last element (no deep Function.equals).
          if (cs.isEmpty() || cs.get(cs.size() - 1) != f) cs.add(f);
        }
      }
    }
    for (Function f : program.functions()) {
      // A function whose every call has a copy of its own (ADR-008) is no entry point either.
      if (!callers.containsKey(f) && !copies.containsKey(f) && !constantCopies.containsKey(f)) {
        entryReasons.putIfAbsent(f, "not called in the analyzed code");
      }
    }
    findIrqOnly();
    contexts = new FileSystemContexts(functions, fileSystems, this::callees, f -> entryReasons.containsKey(f));
  }

  private final FileSystemContexts contexts;

  /** The file systems whose objects {@code f} can run for, from its callers (ADR-003 later); any unless {@code f} is shared code. */
  FileSystemSet runsFor(Function f) {
    return contexts.of(f);
  }

  /** Every function {@code f} calls, once per call target. */
  private List<Function> callees(Function f) {
    List<Function> out = new ArrayList<>();
    forEachCallee(f, out::add);
    return out;
  }

  private final MacroConstants constants;

  /**
   * Takes out of the graph a function every call of which now goes to a copy of it (ADR-008,
   * ADR-007 later) and that nothing else makes an entry point. Its body read without the bound
   * values is code no thread runs: left in, it was analyzed as a function of its own and its
   * edges counted, as {@code walk_page_mapping} walking with every table's callbacks under
   * {@code i_mmap_rwsem}. A function only such an original called can be one in turn.
   */
  private void dropReplacedOriginals() {
    Map<Function, Integer> calledBy = new IdentityHashMap<>();
    for (Function f : functions) forEachCallee(f, g -> calledBy.merge(g, 1, Integer::sum));
    Set<Function> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<Function> work = new java.util.ArrayDeque<>();
    for (Function f : program.functions()) if (replaced(f, calledBy)) work.add(f);
    while (!work.isEmpty()) {
      Function f = work.poll();
      if (!dropped.add(f)) continue;
      forEachCallee(f, g -> {
        if (calledBy.merge(g, -1, Integer::sum) == 0 && replaced(g, calledBy)) work.add(g);
      });
    }
    if (dropped.isEmpty()) return;
    functions.removeIf(dropped::contains);
    for (Function f : dropped) targets.remove(f);
  }

  private boolean replaced(Function f, Map<Function, Integer> calledBy) {
    return calledBy.getOrDefault(f, 0) == 0 && !entryReasons.containsKey(f)
        && (copies.containsKey(f) || constantCopies.containsKey(f));
  }

  /** Each call target of {@code f}, once per call. */
  private void forEachCallee(Function f, java.util.function.Consumer<Function> action) {
    for (List<CallTarget> ts : targets.getOrDefault(f, Map.of()).values()) for (CallTarget t : ts) action.accept(t.function());
  }

  /** At most this many copies of functions for the constants passed to them (ADR-007 later). */
  private static final int MAX_CONSTANT_COPIES = 20_000;
  /** By original function (by reference): its copies for constant arguments, by the values bound. */
  private final Map<Function, Map<Map<String, Long>, Function>> constantCopies = new IdentityHashMap<>();
  /** By copy for constant arguments (by reference): the values of the parameters it binds, by name. */
  private final Map<Function, Map<String, Long>> constantBindings = new IdentityHashMap<>();

  /**
   * ADR-007 later: a call within a recursion that passes a constant to a parameter the callee
   * branches on, where the value rules out a call or an acquisition of the callee ({@code mark_buffer_dirty}'s
   * {@code __mark_inode_dirty(inode, I_DIRTY_PAGES)} never reaches {@code ->dirty_inode}), calls a
   * copy of the callee whose analysis binds the value and whose ruled-out calls have no targets.
   * Unlike the specialised summaries, such a copy is part of the call graph, so it works inside a
   * recursion and can take a call out of it. Copies are made in program order, then in the order
   * they are made, so the graph is the same on every run.
   */
  private void bindConstantArguments() {
    // Only calls within a recursion: a callee in an earlier component gets a specialised summary
    // for the same constants (ConstantArguments), without a function more in the graph. The
    // components are those of the graph with the ops copies (ADR-008): a copy can join a
    // recursion its original is in no recursion of. 6.1's rmap_walk_file is in none, but its copy
    // for try_to_unmap's table calls try_to_unmap_one, which reaches the largest recursion and so
    // try_to_unmap again; rmap_walk_locked's rmap_walk_file(folio, rwc, true) is then a call
    // within that recursion, where no specialised summary applies.
    componentOf = new IdentityHashMap<>();
    bottomUp = null;
    List<List<Function>> withOpsCopies = bottomUpComponents();
    bottomUp = null; // the copies made below change the graph
    for (int c = 0; c < withOpsCopies.size(); c++) {
      if (withOpsCopies.get(c).size() > 1) for (Function f : withOpsCopies.get(c)) componentOf.put(f, c);
    }
    if (componentOf.isEmpty()) return;
    branchedOn = ConstantArguments.branchedOn(withOpsCopies, this::callsOf, this::decidingParams, this::parametersPassed);
    java.util.ArrayDeque<Function> queue = new java.util.ArrayDeque<>(functions);
    while (!queue.isEmpty()) {
      Function f = queue.poll();
      Map<Integer, List<CallTarget>> byNode = targets.get(f);
      Integer own = componentOf.get(f);
      if (byNode == null || byNode.isEmpty() || own == null) continue;
      Map<String, Long> bound = constantBindings.getOrDefault(f, Map.of());
      Map<String, Long> enums = program.namedConstants(f, constants);
      for (Node n : f.cfg().nodes()) {
        List<Arg> args = Event.callArgs(n.event());
        if (args == null) continue;
        List<CallTarget> ts = byNode.get(n.id());
        if (ts == null) continue;
        List<CallTarget> out = ts;
        for (int i = 0; i < ts.size(); i++) {
          CallTarget t = ts.get(i);
          if (!own.equals(componentOf.get(t.function()))) continue;
          Function copy = constantCopyFor(t.function(), args, bound, enums, queue);
          if (copy == null) continue;
          if (out == ts) out = new ArrayList<>(ts);
          out.set(i, t.calling(copy));
        }
        if (out != ts) byNode.put(n.id(), List.copyOf(out));
      }
    }
  }

  /** The copy of {@code g} for a call with {@code args}, or null when the values rule out nothing. */
  private Function constantCopyFor(
      Function g, List<Arg> args, Map<String, Long> bound, Map<String, Long> enums, java.util.ArrayDeque<Function> queue) {
    if (g.cfg().nodes().isEmpty() || constantBindings.containsKey(g)) return null;
    Map<String, Long> values = null;
    long tested = branchedOn.getOrDefault(g, 0L);
    if (tested == 0) return null;
    for (int i = 0; i < args.size() && i < g.params().size() && i < Long.SIZE; i++) {
      String name = g.params().get(i).name();
      if (name.isEmpty() || (tested & (1L << i)) == 0) continue;
      Long v = ConstantArguments.valueOf(args.get(i), bound, constants, enums);
      if (v == null) continue;
      if (values == null) values = new java.util.TreeMap<>();
      values.put(name, v);
    }
    if (values == null) return null;
    Map<Map<String, Long>, Function> byValues = constantCopies.computeIfAbsent(g, k -> new HashMap<>());
    if (byValues.containsKey(values)) return byValues.get(values);
    Map<Integer, List<CallTarget>> general = targets.getOrDefault(g, Map.of());
    java.util.BitSet pruned = constantCopyCount >= MAX_CONSTANT_COPIES ? null
        : ConstantPruning.reachable(g, values, constants, program.namedConstants(g, constants), general::containsKey);
    if (pruned == null && constantCopyCount < MAX_CONSTANT_COPIES && prunesDownstream(g, values, 1, new IdentityHashMap<>())) {
      // Nothing of g's own is ruled out, but it hands a value on to a callee of its recursion whose
      // copy rules something out (6.1's gfs2 handle_callback(gl, ..., false) calling
      // gl->gl_ops->go_callback(gl, remote)): the copy keeps every call, and its calls get copies in turn.
      pruned = new java.util.BitSet(g.cfg().nodes().size());
      pruned.set(0, g.cfg().nodes().size());
    }
    java.util.BitSet reached = pruned;
    if (reached == null) {
      byValues.put(values, null);
      return null;
    }
    Function copy = g.copy();
    constantCopyCount++;
    byValues.put(values, copy);
    componentOf.put(copy, componentOf.get(g)); // its calls are g's, within g's recursion
    originals.put(copy, originals.getOrDefault(g, g));
    constantBindings.put(copy, Map.copyOf(values));
    if (bindings.containsKey(g)) bindings.put(copy, bindings.get(g));
    functions.add(copy);
    Map<Integer, List<CallTarget>> kept = new HashMap<>();
    general.forEach((node, ts) -> {
      if (reached.get(node)) kept.put(node, ts);
    });
    targets.put(copy, kept);
    queue.add(copy);
    return copy;
  }

  private int constantCopyCount;
  /** By member of a recursion of the call graph with its ops copies (by reference), and each constant copy made in one: the component's index. */
  private Map<Function, Integer> componentOf;
  /**
   * By function (by reference): the parameters its branch conditions read, or that it passes on
   * unchanged to such a parameter of a callee ({@link ConstantArguments#branchedOn}).
   */
  private Map<Function, Long> branchedOn = Map.of();

  /**
   * Whether {@code g} passes a parameter that {@code values} binds, unchanged, to a callee in its
   * own recursion whose copy for it would rule something out, there or further down (at most
   * {@link #PASSED_ON_DEPTH} calls deep): a copy that only passes values on to callees that prune
   * nothing would be one more member of the recursion for nothing.
   */
  private boolean prunesDownstream(
      Function g, Map<String, Long> values, int depth, Map<Function, Set<Map<String, Long>>> seen) {
    Integer own = componentOf.get(g);
    Map<String, Long> enums = program.namedConstants(g, constants);
    for (Node n : g.cfg().nodes()) {
      List<Arg> args = Event.callArgs(n.event());
      if (args == null) continue;
      for (CallTarget t : targets.getOrDefault(g, Map.of()).getOrDefault(n.id(), List.of())) {
        Function callee = t.function();
        if (!java.util.Objects.equals(own, componentOf.get(callee)) || constantBindings.containsKey(callee)) continue;
        long wanted = branchedOn.getOrDefault(callee, 0L);
        Map<String, Long> passed = null;
        boolean fromValues = false;
        for (int k = 0; wanted != 0 && k < args.size() && k < callee.params().size() && k < Long.SIZE; k++) {
          String name = callee.params().get(k).name();
          if ((wanted & (1L << k)) == 0 || name.isEmpty()) continue;
          Long v = ConstantArguments.valueOf(args.get(k), values, constants, enums);
          if (v == null) continue;
          if (passed == null) passed = new java.util.TreeMap<>();
          passed.put(name, v);
          fromValues |= values.containsKey(args.get(k).text());
        }
        // By reference: a Function's own hashCode walks its CFG.
        if (!fromValues || !seen.computeIfAbsent(callee, k -> new java.util.HashSet<>()).add(passed)) continue;
        Map<Integer, List<CallTarget>> calleeTargets = targets.getOrDefault(callee, Map.of());
        if (ConstantPruning.reachable(callee, passed, constants, program.namedConstants(callee, constants), calleeTargets::containsKey) != null) {
          return true;
        }
        if (depth < PASSED_ON_DEPTH && prunesDownstream(callee, passed, depth + 1, seen)) return true;
      }
    }
    return false;
  }

  /** How many calls deep {@link #prunesDownstream} follows a value passed on. */
  private static final int PASSED_ON_DEPTH = 4;

  /** The parameter values a copy for constant arguments binds (ADR-007 later); empty for any other function. */
  Map<String, Long> constantBinding(Function f) {
    return constantBindings.getOrDefault(f, Map.of());
  }

  /** How many copies of functions the constants passed to them made (--timings). */
  int constantCopies() {
    return constantCopyCount;
  }

  /** At most this many copies of functions for the ops tables passed to them (ADR-008). */
  private static final int MAX_COPIES = 20_000;
  /** By original function (by reference): its copies, by the values of the parameters they bind. */
  private final Map<Function, Map<List<OpsArguments.Value>, Function>> copies = new IdentityHashMap<>();
  /** By copy (by reference): its bound parameters' values, by name. */
  private final Map<Function, Map<String, OpsArguments.Value>> bindings = new IdentityHashMap<>();
  private int copyCount;

  /**
   * ADR-008: a call that passes an ops table or a struct literal holding functions, where the
   * callee makes an indirect call through that parameter (or hands it on to one that
   * does), calls a copy of the callee whose indirect calls through it reach only what was passed.
   * Copies are made in program order, then in the order they are made, so the graph is the same
   * on every run.
   */
  private void bindOpsArguments() {
    OpsArguments ops = new OpsArguments(program);
    List<List<Function>> general = bottomUpComponents();
    ops.findUses(general, this::targets);
    inLargeRecursion = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Function> scc : general) if (scc.size() >= LARGE_RECURSION) inLargeRecursion.addAll(scc);
    bottomUp = null;
    java.util.ArrayDeque<Function> queue = new java.util.ArrayDeque<>(program.functions());
    while (!queue.isEmpty()) {
      Function f = queue.poll();
      Map<String, OpsArguments.Value> bound = bindings.getOrDefault(f, Map.of());
      Map<Integer, List<CallTarget>> byNode = targets.get(f);
      for (Node n : f.cfg().nodes()) {
        List<Arg> args;
        List<CallTarget> ts = byNode.getOrDefault(n.id(), List.of());
        if (n.event() instanceof Event.Call c) {
          args = c.args();
        } else if (n.event() instanceof Event.IndirectCall ic) {
          args = ic.args();
          if (!bound.isEmpty()) ts = boundTargets(ops, f, bound, ic.target(), ts);
        } else {
          continue;
        }
        List<CallTarget> out = ts;
        for (int i = 0; i < ts.size(); i++) {
          CallTarget t = ts.get(i);
          Function copy = copyFor(ops, f, bound, t.function(), args, queue);
          if (copy == null) continue;
          if (out == ts) out = new ArrayList<>(ts);
          out.set(i, t.calling(copy));
        }
        if (out != byNode.getOrDefault(n.id(), List.of())) {
          if (out.isEmpty()) byNode.remove(n.id());
          else byNode.put(n.id(), List.copyOf(out));
        }
      }
    }
    dropCopiesThatReachALargeRecursion();
  }

  /**
   * A copy of a large recursion's member (made for a caller outside it) is kept only when it cannot
   * reach the recursion: {@code walk_page_mapping(mapping, ..., &clean_walk_ops, ...)}'s walk reaches
   * none of the callbacks that fault pages in. A copy that can reach it would be one more function
   * of the recursion, solved under its bounds, and would move what the recursion's other members
   * yield (ADR-008 later); its callers call the original instead. Dropping such copies leaves the
   * set of functions that reach the recursion as it was (each of their callers reached it through
   * them already), so one pass decides them all, and the recursion keeps its members and calls.
   */
  private void dropCopiesThatReachALargeRecursion() {
    if (provisional.isEmpty()) return;
    Map<Function, List<Function>> callersOf = new IdentityHashMap<>();
    for (Function f : functions) {
      for (List<CallTarget> ts : targets.getOrDefault(f, Map.of()).values()) {
        for (CallTarget t : ts) callersOf.computeIfAbsent(t.function(), k -> new ArrayList<>()).add(f);
      }
    }
    Set<Function> reaches = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<Function> work = new java.util.ArrayDeque<>();
    for (Function f : inLargeRecursion) if (reaches.add(f)) work.add(f);
    while (!work.isEmpty()) {
      for (Function c : callersOf.getOrDefault(work.poll(), List.of())) if (reaches.add(c)) work.add(c);
    }
    Set<Function> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Function c : provisional) if (reaches.contains(c)) dropped.add(c);
    provisional.clear();
    if (dropped.isEmpty()) return;
    for (Function f : functions) {
      Map<Integer, List<CallTarget>> byNode = targets.get(f);
      if (byNode == null || dropped.contains(f)) continue;
      for (Map.Entry<Integer, List<CallTarget>> e : byNode.entrySet()) {
        List<CallTarget> ts = e.getValue();
        List<CallTarget> out = ts;
        for (int i = 0; i < ts.size(); i++) {
          CallTarget t = ts.get(i);
          if (!dropped.contains(t.function())) continue;
          if (out == ts) out = new ArrayList<>(ts);
          out.set(i, t.calling(originals.get(t.function())));
        }
        if (out != ts) e.setValue(List.copyOf(out));
      }
    }
    functions.removeIf(dropped::contains);
    for (Function c : dropped) {
      targets.remove(c);
      bindings.remove(c);
      Function original = originals.remove(c);
      Map<List<OpsArguments.Value>, Function> byValues = copies.get(original);
      byValues.values().removeIf(v -> v == c);
      if (byValues.isEmpty()) copies.remove(original);
    }
    copyCount -= dropped.size();
  }

  /** Copies of a large recursion's members, until {@link #dropCopiesThatReachALargeRecursion} decides them. */
  private final Set<Function> provisional = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** The targets of a call through {@code path} in a copy whose parameters are bound: what the bound value holds, when known. */
  private List<CallTarget> boundTargets(
      OpsArguments ops, Function f, Map<String, OpsArguments.Value> bound, AccessPath path, List<CallTarget> general) {
    OpsArguments.Value v = ops.eval(f, bound, path);
    if (v instanceof OpsArguments.Null) return List.of();
    if (!(v instanceof OpsArguments.Fn fn)) return general;
    Function target = ops.function(fn);
    if (target == null) return general;
    String via = (fn.via() != null ? fn.via() : path.text() + " = " + fn.name()) + ", passed in by the caller";
    return List.of(new CallTarget(target, via, fn.storedAt(), fn.storedAt() == null ? null : storedIn(fn.storedAt())));
  }

  /** The copy of {@code callee} for a call from {@code f} with {@code args}, or null when it needs none. */
  private Function copyFor(
      OpsArguments ops, Function f, Map<String, OpsArguments.Value> bound, Function callee, List<Arg> args,
      java.util.ArrayDeque<Function> queue) {
    // A member of the recursion keeps calling the original: a copy there would change the recursion.
    boolean large = inLargeRecursion.contains(callee);
    if (large && inLargeRecursion.contains(f)) return null;
    List<OpsArguments.Value> values = ops.argumentValues(f, bound, callee, args);
    if (values == null) return null;
    Map<List<OpsArguments.Value>, Function> byValues = copies.computeIfAbsent(callee, k -> new HashMap<>());
    Function copy = byValues.get(values);
    if (copy != null || copyCount >= MAX_COPIES || !narrows(ops, callee, values, 0)) return copy;
    copy = callee.copy();
    copyCount++;
    byValues.put(values, copy);
    originals.put(copy, callee);
    bindings.put(copy, OpsArguments.byName(callee, values));
    if (large) provisional.add(copy);
    functions.add(copy);
    resolveCalls(copy);
    queue.add(copy);
    return copy;
  }

  /**
   * A function in a recursion at least this large gets no copies (ADR-008): the recursion's
   * summaries are computed under bounds (exits per function, propagation steps), and every copy in
   * it is one more function under them. On Linux 6.1 fs/+mm/ the copies made there (1,062 of
   * 2,861) cost 1.8 s and lost exits the originals had kept.
   */
  private static final int LARGE_RECURSION = 1_000;

  /** The members of the general call graph's recursions of {@link #LARGE_RECURSION} functions or more. */
  private Set<Function> inLargeRecursion;

  /** By function (by reference): whether binding its parameters to these values narrows a call. */
  private final Map<Function, Map<List<OpsArguments.Value>, Boolean>> narrowing = new IdentityHashMap<>();

  /**
   * Whether {@code g} with its parameters bound to {@code values} makes an indirect call whose
   * targets the values decide, itself or in a callee they are handed on to: only then is a copy
   * worth its summary. A struct that carries nothing but data ({@code struct f2fs_io_info fio =
   * {...}}) is not.
   */
  private boolean narrows(OpsArguments ops, Function g, List<OpsArguments.Value> values, int depth) {
    Map<List<OpsArguments.Value>, Boolean> memo = narrowing.computeIfAbsent(g, k -> new HashMap<>());
    Boolean known = memo.get(values);
    if (known != null) return known;
    if (depth > 16) return false;
    memo.put(values, false); // a recursion with the same values decides nothing new
    Map<String, OpsArguments.Value> names = OpsArguments.byName(g, values);
    boolean out = false;
    for (Node n : g.cfg().nodes()) {
      AccessPath through = null;
      List<Arg> args;
      if (n.event() instanceof Event.IndirectCall ic) {
        through = ic.target();
        args = ic.args();
      } else if (n.event() instanceof Event.Call c) {
        args = c.args();
      } else {
        continue;
      }
      OpsArguments.Value v = through == null ? null : ops.eval(g, names, through);
      if (v instanceof OpsArguments.Null || v instanceof OpsArguments.Fn) {
        out = true;
        break;
      }
      for (CallTarget t : targets.getOrDefault(g, Map.of()).getOrDefault(n.id(), List.of())) {
        Function callee = originals.getOrDefault(t.function(), t.function());
        List<OpsArguments.Value> sub = ops.argumentValues(g, names, callee, args);
        if (sub != null && narrows(ops, callee, sub, depth + 1)) {
          out = true;
          break;
        }
      }
      if (out) break;
    }
    memo.put(values, out);
    return out;
  }

  /** By copy (by reference): the function it copies. */
  private final Map<Function, Function> originals = new IdentityHashMap<>();

  /** How many copies of functions the ops tables passed to them made (ADR-008; --timings). */
  int opsCopies() {
    return copyCount;
  }

  /** A synthetic function calling whatever is stored in {@code slotNames}; registered in the graph. */
  private Function addSynthetic(String name, SyntheticFunction.HeldAround lock, List<String> slotNames) {
    return addSynthetic(name, lock, slotNames, List.of());
  }

  /** A synthetic function calling whatever is stored in {@code slotNames}, then {@code also}. */
  private Function addSynthetic(
      String name, SyntheticFunction.HeldAround lock, List<String> slotNames, List<CallTarget> also) {
    List<CallTarget> callees = new ArrayList<>();
    for (String slot : slotNames) callees.addAll(slots.getOrDefault(slot, List.of()));
    callees.addAll(also);
    SyntheticFunction.Built built = SyntheticFunction.build(name, lock, callees);
    Function fn = built.function();
    functions.add(fn);
    Map<Integer, List<CallTarget>> byNode = new HashMap<>();
    built.targets().forEach((node, t) -> byNode.put(node, List.of(t)));
    targets.put(fn, byNode);
    return fn;
  }

  /** The stand-in for a function the program does not define, or null when the model has none. */
  private Function stub(String name) {
    Function built = stubs.get(name);
    if (built != null) return built;
    StubModel m = model.stubs().get(name);
    if (m == null) return null;
    SyntheticFunction.HeldAround lock = m.lockClass() == null ? null
        : new SyntheticFunction.HeldAround(m.lockClass(), m.kind(), m.mode(), name + " (lock model)");
    built = addSynthetic(name, lock, m.calls());
    stubs.put(name, built);
    return built;
  }

  /**
   * Interrupt handlers, then every function all of whose callers run only in interrupt context
   * (and that nothing else can start), to a fixpoint.
   */
  private void findIrqOnly() {
    irqOnly.addAll(irqHandlers.keySet());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Function f : functions) {
        if (irqOnly.contains(f) || entryReasons.containsKey(f)) continue;
        List<Function> cs = callers.getOrDefault(f, List.of());
        if (!cs.isEmpty() && irqOnly.containsAll(cs)) {
          irqOnly.add(f);
          changed = true;
        }
      }
    }
  }

  /** The level {@code f} runs at when it is a registered interrupt handler, else null. */
  IrqLevel irqHandlerLevel(Function f) {
    return irqHandlers.get(f);
  }

  /** Interrupt handlers in a deterministic order (function order). */
  List<Function> irqHandlers() {
    List<Function> out = new ArrayList<>();
    for (Function f : functions) if (irqHandlers.containsKey(f)) out.add(f);
    return out;
  }

  /** The function {@code f} copies (ADR-008), or null when {@code f} is no copy. */
  Function originalOf(Function f) {
    return originals.get(f);
  }

  /** True when {@code f} only runs in interrupt context. */
  boolean irqOnly(Function f) {
    return irqOnly.contains(f);
  }

  Program program() {
    return program;
  }

  List<Function> functions() {
    return functions;
  }

  Function pageFault() {
    return pageFault;
  }

  /** Whether {@code f} is the page-fault handler, with or without taking the fault lock. */
  /** By function (compared by reference): the lock classes it takes over from its caller (the model's handoffs). */
  private final Map<Function, Set<LockClass>> handoffs = new IdentityHashMap<>();

  /** The lock classes {@code f}, stored in a handoff slot, takes over from its caller; empty for most. */
  Set<LockClass> handoffs(Function f) {
    return handoffs.getOrDefault(f, Set.of());
  }

  boolean isPageFault(Function f) {
    return f != null && (f == pageFault || f == pageFaultLockHeld);
  }

  /** Targets of the call at {@code node} in {@code f}; empty for unknown or external functions. */
  List<CallTarget> targets(Function f, int node) {
    return targets.getOrDefault(f, Map.of()).getOrDefault(node, List.of());
  }

  /** {@code f}'s call targets by node id: its calls alone, for passes that visit every function's. */
  Map<Integer, List<CallTarget>> callsOf(Function f) {
    return java.util.Collections.unmodifiableMap(targets.getOrDefault(f, Map.of()));
  }

  /**
   * {@link ConstantArguments#decidingParams}, kept per function: the graph's constant copies and
   * the analysis' constant arguments both ask it of every function. Single-threaded: both ask
   * while the graph and the analysis context are made.
   */
  long decidingParams(Function f) {
    Long known = decidingParams.get(f);
    if (known == null) decidingParams.put(f, known = ConstantArguments.decidingParams(f));
    return known;
  }

  private final Map<Function, Long> decidingParams = new IdentityHashMap<>();

  /** {@link ConstantArguments#parametersPassed}, kept per function (by reference) like {@link #decidingParams}. */
  int[] parametersPassed(Function f) {
    int[] known = parametersPassed.get(f);
    if (known == null) parametersPassed.put(f, known = ConstantArguments.parametersPassed(f));
    return known;
  }

  private final Map<Function, int[]> parametersPassed = new IdentityHashMap<>();

  List<Function> callers(Function f) {
    return callers.getOrDefault(f, List.of());
  }

  /** Why {@code f} can start a thread of its own, or null when it cannot. */
  String entryReason(Function f) {
    return entryReasons.get(f);
  }

  /**
   * Whether {@code f} is an entry point only because code stores its address at run time
   * ({@code aiocb->ki_cancel = aio_poll_cancel}), and the analyzed code calls it through such a
   * store: a thread can start there, but in the interrupt state of those calls, not with
   * interrupts enabled on its own.
   */
  boolean runsWhereCalled(Function f) {
    return storedAtRunTime.contains(f) && !callers(f).isEmpty();
  }

  /**
   * Strongly connected components, callees before callers, in a deterministic order (computed once).
   * Vertices are indexes into {@link #functions}: a Function record's own hashCode walks its whole
   * CFG. {@link StronglyConnected} finds the components; the order of the component DAG is a Kahn
   * sort that always picks the component with the smallest function index (JGraphT's
   * getCondensation() scanned every edge once per component, quadratic on a kernel tree).
   */
  List<List<Function>> bottomUpComponents() {
    if (bottomUp != null) return bottomUp;
    int n = functions.size();
    Map<Function, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) index.put(functions.get(i), i);
    // The calls as int arrays (compressed rows, in caller order): this runs several times per
    // graph, over hundreds of thousands of calls.
    int[] start = new int[n + 1];
    IntList callees = new IntList();
    for (int i = 0; i < n; i++) {
      for (List<CallTarget> ts : targets.getOrDefault(functions.get(i), Map.of()).values()) {
        for (int k = 0; k < ts.size(); k++) {
          CallTarget t = ts.get(k);
          Integer to = index.get(t.function());
          if (to == null) continue;
          callees.add(to);
          start[i + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] adjacency = new int[callees.size()];
    for (int k = 0; k < adjacency.length; k++) adjacency[k] = callees.get(k);
    int[] found = StronglyConnected.components(n, start, adjacency);
    // Renumbered by their smallest function index, each with its members in index order.
    int[] renumbered = new int[n];
    java.util.Arrays.fill(renumbered, -1);
    int count = 0;
    int[] component = new int[n];
    int[] sizes = new int[n + 1];
    for (int v = 0; v < n; v++) {
      if (renumbered[found[v]] < 0) renumbered[found[v]] = count++;
      component[v] = renumbered[found[v]];
      sizes[component[v] + 1]++;
    }
    int[] memberStart = new int[count + 1];
    for (int c = 0; c < count; c++) memberStart[c + 1] = memberStart[c] + sizes[c + 1];
    int[] members = new int[n];
    int[] filled = java.util.Arrays.copyOf(memberStart, count);
    for (int v = 0; v < n; v++) members[filled[component[v]]++] = v;
    // Component DAG, caller component -> callee component, each edge once.
    int[] indegree = new int[count];
    int[] seenFrom = new int[count];
    java.util.Arrays.fill(seenFrom, -1);
    int[] outStart = new int[count + 1];
    IntList out = new IntList();
    for (int c = 0; c < count; c++) {
      for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
        int v = members[m];
        for (int k = start[v]; k < start[v + 1]; k++) {
          int to = component[adjacency[k]];
          if (to == c || seenFrom[to] == c) continue;
          seenFrom[to] = c;
          out.add(to);
          indegree[to]++;
        }
      }
      outStart[c + 1] = out.size();
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int c = 0; c < count; c++) if (indegree[c] == 0) ready.add(c);
    List<List<Function>> topDown = new ArrayList<>(count);
    while (!ready.isEmpty()) {
      int c = ready.poll();
      List<Function> fs = new ArrayList<>(memberStart[c + 1] - memberStart[c]);
      for (int m = memberStart[c]; m < memberStart[c + 1]; m++) fs.add(functions.get(members[m]));
      topDown.add(fs);
      for (int k = outStart[c]; k < outStart[c + 1]; k++) if (--indegree[out.get(k)] == 0) ready.add(out.get(k));
    }
    List<List<Function>> result = new ArrayList<>(topDown.size());
    for (int i = topDown.size() - 1; i >= 0; i--) result.add(topDown.get(i));
    bottomUp = result;
    return result;
  }

  private List<List<Function>> bottomUp;

  private void collectSlots() {
    collectSlots(false);
    // Tables that store a function outside the analyzed code (.fault = filemap_fault when only
    // fs/ is analyzed) use its stand-in, built once the program's own slots are known.
    collectSlots(true);
  }

  private void collectSlots(boolean standIns) {
    for (FieldInit fi : program.fieldInits()) {
      Function f = program.resolve(fi.function(), fi.location().file());
      if (standIns == (f != null)) continue;
      if (standIns && (f = stub(fi.function())) == null) continue;
      String field = lastComponent(fi.field());
      String via = fi.structType() + "." + fi.field() + " = " + fi.function() + " in " + fi.variable() + " (" + fi.location() + ")";
      FileSystemSet in = storedIn(fi.location());
      TableSet table = TableSet.of(tableId(fi.variable() + " (" + fi.location().file() + ")"));
      tablesByVariable.merge(fi.variable(), table, TableSet::union);
      addSlot(fi.structType() + "." + field, new CallTarget(f, via, fi.location(), in, table));
      addSlot("." + field, new CallTarget(f, via, fi.location(), in, table));
      entryReasons.putIfAbsent(f, "stored in " + fi.structType() + "." + fi.field() + " (" + fi.variable() + ")");
    }
    if (standIns) return;
    for (Function owner : program.functions()) {
      for (Assignment a : owner.assignments()) {
        // A local struct's initializer stores into no shared table: only calls given that struct
        // reach what it holds (ADR-008).
        if (a.literal()) continue;
        Function f = functionValue(a, owner);
        if (f == null) continue;
        AccessPath t = a.target();
        if (entryReasons.putIfAbsent(f, "its address is stored at " + a.location()) == null) storedAtRunTime.add(f);
        if (t.fields().isEmpty()) continue;
        String field = t.fields().get(t.fields().size() - 1);
        String tag = program.ownerTag(t, owner);
        String via = t.text() + " = " + f.name() + " (" + a.location() + ")";
        FileSystemSet in = storedIn(a.location());
        TableSet table = runTimeTable(owner, t);
        if (tag != null) addSlot(tag + "." + field, new CallTarget(f, via, a.location(), in, table));
        addSlot("." + field, new CallTarget(f, via, a.location(), in, table));
      }
    }
  }

  /**
   * The table a store into a slot fills in at run time: the object the function stores into,
   * named by the function and the path ({@code single_open}'s {@code op->start = single_start}
   * and {@code op->stop = single_stop} fill one table, "op in single_open (fs/seq_file.c)"), or
   * null (any table) where the path does not start at a variable. A table whose slots two
   * functions fill in would be two tables here; the kernel builds one in one function.
   */
  private TableSet runTimeTable(Function owner, AccessPath slot) {
    if (!(slot.root() instanceof AccessPath.Var v) || slot.indexed()) return null;
    List<String> object = slot.fields().subList(0, slot.fields().size() - 1);
    String path = object.isEmpty() ? v.name() : v.name() + "->" + String.join("->", object);
    return TableSet.of(tableId(path + " in " + owner.name() + " (" + owner.location().file() + ")"));
  }

  /** Ops tables by name ({@code "ext4_file_operations (fs/ext4/file.c)"}), numbered in program order. */
  private final Map<String, Integer> tableIds = new HashMap<>();
  private final List<String> tableNames = new ArrayList<>();

  /** The number of the ops table named {@code name} (its variable and file), given one on first use. */
  int tableId(String name) {
    Integer id = tableIds.get(name);
    if (id != null) return id;
    tableIds.put(name, tableNames.size());
    tableNames.add(name);
    return tableNames.size() - 1;
  }

  /** Static tables by variable name: every file's table of that name. */
  private final Map<String, TableSet> tablesByVariable = new HashMap<>();

  /**
   * The tables an argument {@code &name} points at ({@code &xfs_page_mkwrite_iomap_ops}): the
   * static tables of that name, or null when it names none (or {@code caller} has a variable of
   * that name).
   */
  TableSet tablesAt(org.lockorder.ir.Arg arg, Function caller) {
    if (arg == null || arg.path() == null || !arg.text().startsWith("&") || !arg.path().fields().isEmpty()
        || !(arg.path().root() instanceof AccessPath.Var v) || caller.locals().containsKey(v.name())
        || caller.params().stream().anyMatch(p -> p.name().equals(v.name()))) {
      return null;
    }
    return tablesByVariable.get(v.name());
  }

  /** The number of a table the program initialises, or -1 (the summary memo reads names back). */
  int knownTableId(String name) {
    return tableIds.getOrDefault(name, -1);
  }

  String tableName(int id) {
    return tableNames.get(id);
  }

  /** Field name → the struct types whose member of that name has functions stored in it. */
  private final Map<String, java.util.Set<String>> slotOwners = new HashMap<>();

  private void addSlot(String slot, CallTarget t) {
    int dot = slot.lastIndexOf('.');
    if (dot > 0) slotOwners.computeIfAbsent(slot.substring(dot + 1), k -> new java.util.TreeSet<>()).add(slot.substring(0, dot));
    List<CallTarget> list = slots.computeIfAbsent(slot, k -> new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      CallTarget old = list.get(i);
      if (old.function() != t.function()) continue;
      // Stored by several file systems' tables: confined to all of them; by shared code too: not confined.
      FileSystemSet in = old.storedIn() == null || t.storedIn() == null ? null : old.storedIn().union(t.storedIn());
      TableSet tables = TableSet.union(old.tables(), t.tables());
      if (!java.util.Objects.equals(in, old.storedIn()) || !java.util.Objects.equals(tables, old.tables())) {
        list.set(i, new CallTarget(old.function(), old.via(), old.storedAt(), in, tables));
      }
      return;
    }
    list.add(t);
  }

  /** The file system whose code stores a function at {@code at}, as a set; null for shared or stacking code. */
  private FileSystemSet storedIn(Location at) {
    int fs = fileSystems.of(at.file());
    return fs >= 0 ? FileSystemSet.of(fs) : null;
  }

  /** The lock model the graph was built with. */
  LockModel model() {
    return model;
  }

  FileSystems fileSystems() {
    return fileSystems;
  }

  private Function functionValue(Assignment a, Function owner) {
    AccessPath v = a.value().path();
    if (v == null || !v.fields().isEmpty() || !(v.root() instanceof AccessPath.Var var)) return null;
    if (owner.locals().containsKey(var.name())) return null;
    for (Param p : owner.params()) if (p.name().equals(var.name())) return null;
    return program.resolve(var.name(), owner.location().file());
  }

  private void resolveCalls(Function f) {
    Map<Integer, List<CallTarget>> byNode = new HashMap<>();
    boolean[] faultsDisabled = FaultsDisabled.of(f);
    for (Node n : f.cfg().nodes()) {
      if (faultsDisabled != null && faultsDisabled[n.id()] && n.event() instanceof Event.MayFault) continue;
      List<CallTarget> ts = resolveNode(f, n.event());
      if (!ts.isEmpty()) byNode.put(n.id(), ts);
    }
    targets.put(f, byNode);
  }

  private List<CallTarget> resolveNode(Function f, Event e) {
    if (e instanceof Event.Call c) {
      if (reclaimEntries.contains(c.callee())) return List.of(); // see ReclaimModel#entries
      Function callee = program.resolve(c.callee(), f.location().file());
      if (callee != null) return List.of(CallTarget.direct(callee));
      if (program.global(c.callee()) != null) return pointerVariable(f, c.callee());
      Function stub = stub(c.callee());
      if (stub != null) return List.of(new CallTarget(stub, "outside the analyzed code: the lock model's stand-in", null));
      return List.of();
    }
    if (e instanceof Event.IndirectCall ic) {
      AccessPath p = ic.target();
      if (p.fields().isEmpty()) {
        return p.root() instanceof AccessPath.Var v ? pointerVariable(f, v.name()) : List.of();
      }
      String field = p.fields().get(p.fields().size() - 1);
      String tag = program.ownerTag(p, f);
      List<CallTarget> typed = tag == null ? null : slots.get(tag + "." + field);
      if (typed != null) return typed;
      // The owner's type is known and has the member, but nothing stored a function there that
      // this code sees (6.1 block/elevator.c: 'entry->store' of a struct elv_fs_entry, filled by
      // token-pasting macros): another type's member of that name is not it. Matched by name,
      // elv_attr_store's call reached sysfs_ops.store, itself, and took its lock twice.
      if (tag != null && program.fieldType(tag, field) != null) return List.of();
      // Without the owner's type, the field name alone decides only when one struct type has a
      // member of that name with functions in it: '->free' or '->release' of an unknown type
      // would otherwise reach every ops table's free and release (mempool_t's pool->free reached
      // zpool drivers' page locks on Linux 6.1), closing false cycles and one huge recursion.
      if (slotOwners.getOrDefault(field, java.util.Set.of()).size() > 1) return List.of();
      List<CallTarget> byName = slots.getOrDefault("." + field, List.of());
      List<CallTarget> out = new ArrayList<>();
      for (CallTarget t : byName) out.add(new CallTarget(t.function(), t.via() + ", matched by field name only", t.storedAt(), t.storedIn(), t.tables()));
      return out;
    }
    if (e instanceof Event.MayFault mf && pageFault != null) {
      return mf.lockHeld()
          ? List.of(new CallTarget(pageFaultLockHeld, mf.api() + " may fault on user memory; the caller holds the fault lock", null))
          : List.of(new CallTarget(pageFault, mf.api() + " may fault on user memory", null));
    }
    if (e instanceof Event.IrqHandler ih) {
      Function handler = program.resolve(ih.handler(), f.location().file());
      if (handler != null) {
        irqHandlers.putIfAbsent(handler, ih.context());
        entryReasons.putIfAbsent(handler, ih.context().spelling() + " handler (" + ih.api() + " at " + ih.location() + ")");
      }
    }
    if (e instanceof Event.SpawnThread st) {
      Function start = program.resolve(st.startRoutine(), f.location().file());
      if (start != null) entryReasons.putIfAbsent(start, "thread start routine (" + st.api() + " at " + st.location() + ")");
    }
    return List.of();
  }

  /** Functions assigned to a function-pointer variable (local, parameter or global). */
  private List<CallTarget> pointerVariable(Function f, String name) {
    // By reference: a Function record's own hashCode walks its whole CFG.
    Set<Function> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<CallTarget> out = new ArrayList<>();
    boolean local = f.locals().containsKey(name) || f.params().stream().anyMatch(p -> p.name().equals(name));
    List<OwnedAssignment> assignments;
    if (local) {
      assignments = new ArrayList<>();
      for (Assignment a : f.assignments()) assignments.add(new OwnedAssignment(f, a));
    } else {
      assignments = variableAssignments().getOrDefault(name, List.of());
    }
    for (OwnedAssignment oa : assignments) {
      Assignment a = oa.assignment();
      AccessPath t = a.target();
      if (!t.fields().isEmpty() || !(t.root() instanceof AccessPath.Var v) || !v.name().equals(name)) continue;
      Function target = functionValue(a, oa.owner());
      if (target != null && seen.add(target)) {
        out.add(new CallTarget(target, name + " = " + target.name() + " (" + a.location() + ")", a.location(), storedIn(a.location())));
      }
    }
    return out;
  }

  private record OwnedAssignment(Function owner, Assignment assignment) {}

  /** Assignments to a whole variable, by its name, in program order (built on first use). */
  private Map<String, List<OwnedAssignment>> variableAssignments;

  private Map<String, List<OwnedAssignment>> variableAssignments() {
    if (variableAssignments != null) return variableAssignments;
    variableAssignments = new HashMap<>();
    for (Function owner : program.functions()) {
      List<Assignment> assignments = owner.assignments();
      for (int i = 0; i < assignments.size(); i++) {
        Assignment a = assignments.get(i);
        AccessPath t = a.target();
        if (!t.fields().isEmpty() || !(t.root() instanceof AccessPath.Var v)) continue;
        variableAssignments.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(new OwnedAssignment(owner, a));
      }
    }
    return variableAssignments;
  }

  private static String lastComponent(String dotted) {
    int dot = dotted.lastIndexOf('.');
    return dot < 0 ? dotted : dotted.substring(dot + 1);
  }
}
