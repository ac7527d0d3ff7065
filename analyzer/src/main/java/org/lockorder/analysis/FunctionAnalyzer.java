package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Mode;
import org.lockorder.ir.Node;

/**
 * Computes one function's summary by walking its CFG with sets of held-lock states (one per
 * distinct path state, so branches, early returns and {@code goto out_unlock} stay exact), using
 * the summaries of its callees. Records lock-order edges as it finds them.
 */
final class FunctionAnalyzer {
  private final AnalysisContext ctx;
  private final Function fn;
  private final Summary summary = new Summary();
  private final Set<Integer> testedCalls = new HashSet<>();
  /** The calls whose result a branch compares with a constant ({@code error == -EAGAIN}). */
  private final Set<Integer> comparedCalls = new HashSet<>();
  /** Conditions that several branches test, by bit in {@link LockState#decided}. */
  private final Map<String, Integer> conditionBits;
  /** By node: the bits of the conditions tested there or further on; null when there are none. */
  private final long[] liveConditions;
  /** For a try/checked acquisition whose result a branch tests: the lock to push on success. */
  private final Map<Integer, HeldLock> deferred = new HashMap<>();

  FunctionAnalyzer(AnalysisContext ctx, Function fn) {
    this(ctx, fn, Map.of(), Map.of());
  }

  /**
   * @param bound values of some of {@code fn}'s parameters, by name: the analysis of a call that
   *     passes them constants ({@link ConstantArguments}); empty for the general analysis
   * @param boundMasks of some others, the only bits they can have: the call passes a flag local
   */
  FunctionAnalyzer(AnalysisContext ctx, Function fn, Map<String, Long> bound, Map<String, Long> boundMasks) {
    Map<String, Long> copyBinds = ctx.callGraph().constantBinding(fn);
    if (!copyBinds.isEmpty()) {
      // A copy made for constant arguments (ADR-007 later) is analyzed with its values bound.
      Map<String, Long> both = new java.util.HashMap<>(copyBinds);
      both.putAll(bound);
      bound = Map.copyOf(both);
    }
    this.ctx = ctx;
    this.fn = fn;
    this.jobs = new CallJobs(ctx.resolver());
    this.scope = new FileSystemScope(ctx.callGraph(), fn);
    this.runsHere = ctx.callGraph().runsFor(fn);
    for (Node n : fn.cfg().nodes()) {
      if (n.test() == null) continue;
      testedCalls.add(n.test().callNode());
      // A trylock among them would have its lock deferred to a test that names another call.
      for (int also : n.test().alsoFrom()) if (!(fn.cfg().node(also).event() instanceof Event.Acquire)) testedCalls.add(also);
      if (n.test().comparedWith() != null) {
        comparedCalls.add(n.test().callNode());
        comparedCalls.addAll(n.test().alsoFrom());
      }
    }
    // 'return ret' says whether the lock is held only where the function tests a trylock's result,
    // or where a test of the returned variable takes or drops a lock on one side.
    boolean returnsLockResult = false;
    for (int call : testedCalls) returnsLockResult |= fn.cfg().node(call).event() instanceof Event.Acquire;
    if (!returnsLockResult) returnsLockResult = ConditionBits.returnDecidesLocking(fn.cfg());
    this.conditionBits = ConditionBits.correlated(fn.cfg(), returnsLockResult);
    Map<Integer, Integer> paramBits = PointerFacts.pointerParamConditions(fn, conditionBits);
    Map<Integer, String> memberBits = PointerFacts.memberConditions(fn, conditionBits);
    this.pointers = new PointerFacts(fn, paramBits, memberBits);
    this.dispatch = ctx.dispatchPointers(fn);
    Map<String, Long> enums = ctx.program().namedConstants(fn, ctx.macroConstants());
    this.enums = enums;
    this.values = new ParameterValues(fn, bound, boundMasks, conditionBits, ctx.macroConstants(), enums);
    this.zeroSide = conditionBits.isEmpty() ? Map.of()
        : ConditionBits.zeroSideDecides(conditionBits, name -> ctx.macroConstants().value(name, enums));
    long atExit = 0;
    for (int bit : paramBits.keySet()) atExit |= 1L << bit;
    for (int bit : memberBits.keySet()) atExit |= 1L << bit;
    this.liveConditions = conditionBits.isEmpty() ? null : ConditionBits.live(fn.cfg(), conditionBits, atExit, values, returnsLockResult);
    this.returnsLockResult = returnsLockResult;
  }

  /** What a bare variable's test settles on its zero side ({@link ConditionBits#zeroSideDecides}). */
  private final Map<Integer, List<long[]>> zeroSide;

  /** Whether {@code return v} reads the decision on {@code v} ({@link ConditionBits#correlated}). */
  private final boolean returnsLockResult;

  /** What this function's locks say about its pointers (ADR-006). */
  private final PointerFacts pointers;
  /** The ops pointers whose tables a path remembers ({@link OpsChoice}). */
  private final DispatchPointers dispatch;
  /** Where the bound values hold, and where assignments end what tests of parameters say. */
  private final ParameterValues values;
  /** The enum constants of the function's file (ADR-007 later), for subclass expressions. */
  private final Map<String, Long> enums;

  Summary run() {
    Cfg cfg = fn.cfg();
    int size = cfg.nodes().size();
    StateSet[] seen = new StateSet[size];
    for (int i = 0; i < size; i++) seen[i] = new StateSet();
    // Per node, the states that reached it and were not walked on yet; null when there are none.
    @SuppressWarnings("unchecked")
    List<LockState>[] todo = new List[size];
    LockState start = initialState();
    seen[Cfg.ENTRY].add(start);
    todo[Cfg.ENTRY] = new ArrayList<>(List.of(start));
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[size];
    work.add(Cfg.ENTRY);
    queued[Cfg.ENTRY] = true;
    while (!work.isEmpty()) {
      int id = work.poll();
      queued[id] = false;
      List<LockState> batch = todo[id];
      todo[id] = null;
      Node node = cfg.node(id);
      for (int b = 0, nb = batch.size(); b < nb; b++) {
        List<Out> outs = transfer(node, batch.get(b));
        for (int o = 0, no = outs.size(); o < no; o++) {
          Out out = outs.get(o);
          if (liveConditions != null) out = new Out(out.node(), out.state().keepingDecided(liveConditions[out.node()]));
          if (!out.state().choices().isEmpty()) {
            out = new Out(out.node(), out.state().keepingChoices(dispatch.live()[out.node()], dispatch::rootBit));
          }
          StateSet at = seen[out.node()];
          if (at.size() >= ctx.maxStatesPerNode()) {
            ctx.noteHeldStateBound(fn);
            continue;
          }
          if (at.add(out.state())) {
            if (todo[out.node()] == null) todo[out.node()] = new ArrayList<>(2);
            todo[out.node()].add(out.state());
            if (!queued[out.node()]) {
              queued[out.node()] = true;
              work.add(out.node());
            }
          }
        }
      }
    }
    List<Summary.ExitEffect> exits = new ArrayList<>();
    StateSet atExit = seen[Cfg.EXIT];
    for (int i = 0; i < atExit.size(); i++) exits.add(exitEffect(atExit.get(i)));
    for (Summary.ExitEffect e : lockedOrNull(constantsThatMatter(PointerFacts.factsThatMatter(exits)))) summary.addExit(e);
    if (summary.exitsDropped) ctx.noteExitBound(fn);
    // Only calls made during the run look these up; a recursion keeps its analyzers until its
    // transfers have been applied (Analyzer), so what only the run needed is let go now.
    jobs = null;
    jobsByPassage = null;
    jobsByNestMerged = null;
    callSteps = null;
    callPassages = null;
    return summary;
  }

  record Out(int node, LockState state) {}

  private List<Out> transfer(Node n, LockState s) {
    Event e = n.event();
    if (e == null) return branch(n, s);
    List<LockState> after;
    if (e instanceof Event.Acquire a) {
      // Blocking on a sleeping lock under a spinlock a callee returned: that callee's exit was
      // paired wrongly, and the lock is not held (ADR-014).
      if (a.style().waits() && ctx.atomic().sleeps(a.api())) s = withoutReturnedAtomic(s);
      after = List.of(acquire(n, a, s));
    } else if (e instanceof Event.Release r) {
      after = List.of(release(r, s));
    } else if (e instanceof Event.AssertHeld a) {
      after = List.of(assertHeld(a, s));
    } else if (e instanceof Event.FaultScope f) {
      after = List.of(s.withScopes(s.scopes().faults(f.enter() ? 1 : -1)));
    } else if (e instanceof Event.MayFault) {
      after = s.scopes().faultsOff() > 0 ? List.of(s) : call(n, List.of(), s);
    } else if (e instanceof Event.MayReclaim r) {
      after = List.of(mayReclaim(r, s));
    } else if (e instanceof Event.ReclaimScope r) {
      after = List.of(s.withScopes(s.scopes().reclaim(r.enter() ? 1 : -1)));
    } else if (e instanceof Event.IrqScope q) {
      LockState next = s.withScopes(s.scopes().irqs(q.level(), q.enter() ? 1 : -1));
      irqsEnabledWhileHeld(s, next, q.api(), q.location());
      after = List.of(next);
    } else if (e instanceof Event.Call c) {
      after = call(n, c.args(), s);
    } else if (e instanceof Event.IndirectCall c) {
      after = call(n, c.args(), s);
    } else if (e instanceof Event.Return r) {
      after = returnValue(n, r, s);
    } else if (e instanceof Event.Assign a) {
      after = List.of(pointers.afterAssign(a, values.afterAssign(a, s)));
    } else {
      // SpawnThread, IrqHandler: the function runs as an entry point of its own (CallGraph).
      // SetClass: applied to the whole program before any summary (ClassKeys).
      after = List.of(s);
    }
    List<Integer> successors = n.successors();
    int ns = successors.size();
    if (after.size() == 1 && ns == 1) return List.of(new Out(successors.get(0), after.get(0)));
    List<Out> outs = new ArrayList<>(after.size() * ns);
    for (int a = 0, na = after.size(); a < na; a++) {
      for (int k = 0; k < ns; k++) outs.add(new Out(successors.get(k), after.get(a)));
    }
    return outs;
  }

  /** The lock expressions of the locks this function took itself and {@code s} still holds. */
  /**
   * The state at {@code return value;}, with what it returns. {@code return f(x);} and {@code v =
   * f(x); ... return v;} return what f's exit returned, when the path knows it (the node's test
   * names the call). For a trylock's result ({@code return spin_trylock(&l);}) that is two
   * states: holding the lock and returning success, or not.
   */
  private List<LockState> returnValue(Node n, Event.Return r, LockState s) {
    ReturnKind kind = ReturnKind.of(r.value(), ctx.program(), lockedHere(s));
    String constant = kind == ReturnKind.NONZERO ? ReturnKind.constantText(r.value()) : null;
    if (kind == ReturnKind.UNKNOWN && returnsLockResult) {
      // 'return ret;' where the path decided 'ret' (a branch on it, or a constant assigned).
      String returned = ConditionBits.returnedCondition(n);
      Integer bit = returned == null ? null : conditionBits.get(returned);
      Boolean nonzero = bit == null ? null : s.decided(bit);
      if (nonzero != null) kind = nonzero ? ReturnKind.NONZERO : ReturnKind.ZERO;
    }
    Node.CallResultTest t = n.test();
    if (t == null) return List.of(s.returning(kind, constant));
    HeldLock pending = t.error() ? null : deferred.get(t.callNode());
    if (pending != null) {
      Event.Acquire a = (Event.Acquire) ctx.nodeEvent(fn, t.callNode());
      boolean heldWhenNonzero = a.style().heldWhenNonzero() == t.trueWhenNonzero();
      return List.of(
          s.push(pending).returning(heldWhenNonzero ? ReturnKind.NONZERO : ReturnKind.ZERO),
          s.returning(heldWhenNonzero ? ReturnKind.ZERO : ReturnKind.NONZERO));
    }
    if (kind == ReturnKind.UNKNOWN && s.result() != null && t.tests(s.result().callNode())) {
      ReturnKind called = s.result().kind();
      // 'return call(...)' passes the callee's kind on as it is (an error pointer stays one), and
      // the constant it returned.
      if (t.negative()) kind = called != ReturnKind.ZERO ? ReturnKind.UNKNOWN : t.trueWhenNonzero() ? ReturnKind.ZERO : ReturnKind.NONZERO;
      else kind = t.trueWhenNonzero() && !t.error() ? called : called.tested(t.error(), t.trueWhenNonzero());
      if (!t.negative() && !t.error() && t.trueWhenNonzero() && kind == ReturnKind.NONZERO) constant = s.result().constant();
    }
    return List.of(s.withResult(null).returning(kind, constant));
  }

  private List<String> lockedHere(LockState s) {
    if (s.held().isEmpty()) return List.of();
    List<String> out = new ArrayList<>(s.held().size());
    for (HeldLock h : s.held()) {
      if (!h.fromEntry() && h.site().calls().isEmpty() && h.site().function().equals(fn.name())) out.add(h.site().instance());
    }
    return out;
  }

  /**
   * A branch: which edges the state can take ({@link #branchOutcomes}), and, when the condition
   * is one that several branches test, only the side this path decided before, or each side
   * with its decision.
   */
  private List<Out> branch(Node n, LockState s) {
    List<Out> outs = inTaskSide(n, values.selectSide(n, s, withoutLocksTakenThroughNull(n, branchOutcomes(n, s))));
    Integer bit = n.condition() == null ? null : conditionBits.get(n.condition().expression());
    if (bit == null || n.successors().size() != 2 || n.successors().get(0).equals(n.successors().get(1))) return outs;
    int whenTrue = n.successors().get(0);
    List<Out> kept = new ArrayList<>(outs.size());
    for (Out o : outs) {
      boolean nonzero = (o.node() == whenTrue) == n.condition().trueWhenNonzero();
      Boolean known = o.state().decided(bit);
      if (known == null) kept.add(new Out(o.node(), zeroSide(bit, nonzero, o.state().deciding(bit, nonzero))));
      else if (known == nonzero) kept.add(o);
    }
    return kept;
  }

  /**
   * The side of a test of the interrupt context that only task context takes ({@code if
   * (in_interrupt()) defer; else free_now;}, the lock model's {@code in-interrupt} and {@code
   * in-task} calls) runs in no interrupt handler: its states say so ({@link Scopes#inTask}), and
   * what they acquire is no interrupt handler's ({@link Scopes#VIA_TASK}). Where bottom halves are
   * disabled, that side is not taken at all.
   */
  private List<Out> inTaskSide(Node n, List<Out> outs) {
    if (n.test() == null || n.test().error() || n.test().negative() || n.successors().size() != 2
        || n.successors().get(0).equals(n.successors().get(1))
        || !(ctx.nodeEvent(fn, n.test().callNode()) instanceof Event.Call call)) {
      return outs;
    }
    Boolean taskWhenNonzero = ctx.taskWhenNonzero(call.callee());
    if (taskWhenNonzero == null) return outs;
    int taskSide = n.successors().get(n.test().trueWhenNonzero() == taskWhenNonzero ? 0 : 1);
    List<Out> marked = new ArrayList<>(outs.size());
    for (Out o : outs) {
      if (o.node() != taskSide) {
        marked.add(o);
      } else if ((o.state().scopes().cutBits() & Scopes.VIA_TASK) == 0) {
        // With bottom halves disabled here the test says "interrupt": its task side is not taken.
        marked.add(new Out(o.node(), o.state().withScopes(o.state().scopes().inTask())));
      }
    }
    return marked;
  }

  /** On the zero side of a bare variable's test, its other tests the constants settle, decided. */
  private LockState zeroSide(int bit, boolean nonzero, LockState s) {
    List<long[]> settled = nonzero ? null : zeroSide.get(bit);
    if (settled == null) return s;
    for (long[] d : settled) {
      int other = (int) d[0];
      if (s.decided(other) == null) s = s.deciding(other, d[1] == 1);
    }
    return s;
  }

  /**
   * On the NULL side of {@code if (p)}, the locks this function took through {@code p} since its
   * last assignment are not held: taking them dereferenced {@code p}, so a path that holds one and
   * finds {@code p} NULL cannot run. Without this, {@code if (vma->vm_file) { mapping = ...;
   * i_mmap_lock_write(mapping); } ... if (mapping) i_mmap_unlock_write(mapping);} returns holding
   * the lock on the path that skips the unlock, and every caller above holds it from then on.
   * A lock counts as taken through {@code p} when the event that took it (an acquisition, or a
   * call that returned holding it) has an argument rooted at {@code p}, and it lies after the
   * last assignment to {@code p} in source order.
   */
  private List<Out> withoutLocksTakenThroughNull(Node n, List<Out> outs) {
    Node.PointerTest t = n.pointerTest();
    if (t == null || n.successors().size() != 2 || n.successors().get(0).equals(n.successors().get(1))) return outs;
    int nullSide = n.successors().get(t.trueWhenNonzero() ? 1 : 0);
    List<Out> changed = null;
    for (int i = 0; i < outs.size(); i++) {
      Out o = outs.get(i);
      if (o.node() != nullSide || o.state().held().isEmpty()) continue;
      LockState s = o.state().without(h -> pointers.takenThrough(t, h));
      if (s == o.state()) continue;
      if (changed == null) changed = new ArrayList<>(outs);
      changed.set(i, new Out(nullSide, s));
    }
    return changed == null ? outs : changed;
  }

  /**
   * Whether a result compared with the constant {@code compared} equals it, the result being the
   * constant {@code returned}: TRUE for the same text, FALSE for two texts whose values are known
   * and differ ({@code -EAGAIN} and {@code -ENOMEM}, from the headers' macros); null when either
   * is missing or a value is not known ({@code -EWOULDBLOCK} is {@code -EAGAIN}).
   */
  private Boolean sameConstant(String compared, String returned) {
    if (compared == null || returned == null) return null;
    if (compared.equals(returned)) return true;
    Long a = ReturnKind.constantValue(compared, ctx.program());
    Long b = ReturnKind.constantValue(returned, ctx.program());
    return a == null || b == null ? null : a.equals(b);
  }

  private List<Out> branchOutcomes(Node n, LockState s) {
    List<Out> outs = new ArrayList<>(2);
    if (n.test() != null && n.successors().size() == 2 && s.result() != null && n.test().tests(s.result().callNode())) {
      // The callee's exit path is known: keep only the edge its return value can take.
      ReturnKind kind = s.result().kind();
      LockState untagged = s.withResult(null);
      boolean trueNeedsNonzero = n.test().trueWhenNonzero();
      if (n.test().error()) {
        if (kind.allowsError(trueNeedsNonzero)) outs.add(new Out(n.successors().get(0), untagged));
        if (kind.allowsError(!trueNeedsNonzero)) outs.add(new Out(n.successors().get(1), untagged));
        return outs;
      }
      if (n.test().negative()) {
        // 'ret < 0' settles a zero result only; the result stays known for the test that usually
        // follows ('else if (ret)': btrfs's __btrfs_run_delayed_refs on a callee that returns 0
        // still holding the head's lock, 1 after dropping it).
        Boolean equal = sameConstant(n.test().comparedWith(), s.result().constant());
        boolean trueEdge = kind != ReturnKind.ZERO || !trueNeedsNonzero;
        boolean falseEdge = kind != ReturnKind.ZERO || trueNeedsNonzero;
        // 'error == -EAGAIN' after an exit that returned -EAGAIN: only the equal edge.
        if (equal != null) {
          trueEdge &= equal == trueNeedsNonzero;
          falseEdge &= equal != trueNeedsNonzero;
        }
        if (trueEdge) outs.add(new Out(n.successors().get(0), s));
        if (falseEdge) outs.add(new Out(n.successors().get(1), s));
        return outs;
      }
      if (kind.allows(trueNeedsNonzero)) outs.add(new Out(n.successors().get(0), untagged));
      if (kind.allows(!trueNeedsNonzero)) outs.add(new Out(n.successors().get(1), untagged));
      return outs;
    }
    HeldLock pending = n.test() == null || n.test().error() ? null : deferred.get(n.test().callNode());
    if (pending == null || n.successors().size() != 2) {
      List<Integer> successors = n.successors();
      for (int i = 0, m = successors.size(); i < m; i++) outs.add(new Out(successors.get(i), s));
      return outs;
    }
    Event.Acquire a = (Event.Acquire) ctx.nodeEvent(fn, n.test().callNode());
    // A trylock succeeds when it returns non-zero; a killable/interruptible lock when it returns 0.
    boolean successWhenNonzero = a.style().heldWhenNonzero();
    boolean trueIsSuccess = n.test().trueWhenNonzero() == successWhenNonzero;
    LockState held = s.push(pending);
    outs.add(new Out(n.successors().get(0), trueIsSuccess ? held : s));
    outs.add(new Out(n.successors().get(1), trueIsSuccess ? s : held));
    return outs;
  }

  /** {@code s} without the locks of an atomic kind that a callee returned held ({@link AtomicContext}). */
  private LockState withoutReturnedAtomic(LockState s) {
    for (HeldLock h : returnedAtomic(s)) s = s.without(h);
    return s;
  }

  /** The locks of {@code s} of an atomic kind that a callee returned held: usually none. */
  private List<HeldLock> returnedAtomic(LockState s) {
    List<HeldLock> out = null;
    for (HeldLock h : s.held()) {
      if (!ctx.atomic().returnedAtomic(h.site())) continue;
      if (out == null) out = new ArrayList<>(2);
      out.add(h);
    }
    return out == null ? List.of() : out;
  }

  /**
   * {@code ordering} less the locks a callee's acquisition reached past a sleep ({@link
   * Scopes#VIA_SLEEP}) is not taken under: those of {@code tr.returnedAtomic()}. Holding one, the
   * path could not sleep, so the exit that seemed to return it held was paired wrongly (ADR-014).
   * One the callee released before is skipped by {@link #orderAfter} anyway.
   */
  private static List<HeldLock> notSleptUnder(List<HeldLock> ordering, Transfer tr) {
    List<HeldLock> out = null;
    for (int i = 0; i < ordering.size(); i++) {
      HeldLock h = ordering.get(i);
      boolean drop = tr.returnedAtomic().contains(h);
      if (drop && out == null) out = new ArrayList<>(ordering.subList(0, i));
      else if (!drop && out != null) out.add(h);
    }
    return out == null ? ordering : out;
  }

  private LockState acquire(Node n, Event.Acquire a, LockState s) {
    LockClassResolver.Resolved r = boundSubclass(ctx.resolver().resolve(a.lock(), fn), a, s);
    if (r == null) return s;
    // An iterator drops what its last call left held before it takes the next one.
    if (a.style() == AcquireStyle.ITERATOR) s = s.release(r.key());
    // spin_lock_irqsave disables interrupts first: the lock itself is taken irq-safe.
    if (a.irqs() != null) s = s.withScopes(s.scopes().irqs(a.irqs(), 1));
    Mode mode = ctx.lockerMode(fn, a);
    Site site = new Site(List.of(), fn.name(), a.location(), a.api(), classOf(r.key()), mode, r.instance());
    HeldLock lock = new HeldLock(r.key(), mode, site, false).withThrough(pointers.through(a.lock().path(), s));
    boolean sleeps = a.style().waits() && ctx.atomic().sleeps(a.api());
    if (a.style().waits() && !nestedUnderNestLock(a, r.key(), s)) {
      order(s, lock, Set.of(), sleeps ? Scopes.VIA_SLEEP : 0, s.scopes().irqsOn(), nestKey(a));
    }
    // Past a wait for a sleeping lock, a spinlock a callee returned to a caller is not held (ADR-014).
    if (sleeps) s = s.withScopes(s.scopes().afterSleep());
    if (a.style() == AcquireStyle.MOMENTARY) return s;
    if (a.style() != AcquireStyle.BLOCKING && testedCalls.contains(n.id())) {
      deferred.put(n.id(), lock);
      return s;
    }
    return s.push(lock);
  }

  /**
   * The acquisition's lock with its subclass taken from the value this analysis has bound to the
   * parameter that names it (ADR-015): {@code pipe_lock_nested(pipe, I_MUTEX_CHILD)}'s specialised
   * summary takes {@code pipe_inode_info.mutex/2}, not {@code /subclass}. The general analysis,
   * and a function that changes the parameter ({@code subclass++}), keep the parameter's name.
   */
  private LockClassResolver.Resolved boundSubclass(LockClassResolver.Resolved r, Event.Acquire a, LockState s) {
    if (r == null || a.lock().subclass() == null || !values.bindsAny()) return r;
    Long value = ConstantArguments.subclassValue(a.lock().subclass().text(), fn, values.boundAt(s), ctx.macroConstants(), enums);
    if (value == null) return r;
    String written = ctx.resolver().subclass(a.lock().subclass());
    LockKey bound = ctx.resolver().withSubclass(r.key(), written, Long.toString(value));
    return bound == r.key() ? r : new LockClassResolver.Resolved(bound, r.instance());
  }

  /**
   * lockdep's nest_lock rule: another instance of a held class, taken while the nest lock is
   * held, is neither recursive locking nor a new dependency (the nest lock serializes it).
   */
  private boolean nestedUnderNestLock(Event.Acquire a, LockKey key, LockState s) {
    if (a.nest() == null || !s.holds(key)) return false;
    LockKey nest = nestKey(a);
    return nest != null && s.holds(nest);
  }

  /**
   * The class of the acquisition's nest lock, kept in the summary for callers that hold it
   * ({@link Summary.Acquisition#nest}); null without one, or when it is a lock a caller passes.
   */
  private LockKey nestKey(Event.Acquire a) {
    if (a.nest() == null) return null;
    LockClassResolver.Resolved nest = ctx.resolver().resolve(a.nest(), fn);
    return nest != null && nest.key() instanceof LockKey.OfClass ? nest.key() : null;
  }

  /**
   * lockdep's nest rule seen through a call: a callee's acquisition of a class this state holds,
   * made under a nest lock this state holds too, is a reference to the held lock: no edge, nothing
   * new for the summary. 6.1's mm_take_all_locks holds mmap_lock and calls vm_lock_mapping, which
   * takes each mapping's i_mmap_rwsem with down_write_nest_lock(..., &mm->mmap_lock).
   */
  private static boolean mergedByNestLock(Summary.Acquisition a, LockState s) {
    return a.nest() != null && a.key() instanceof LockKey.OfClass && s.holds(a.key()) && s.holds(a.nest());
  }

  /**
   * The callee's acquisitions that {@link #mergedByNestLock} leaves out in {@code s}, as a key for
   * the call jobs of such states (null when there are none): states that leave out different ones
   * do different jobs.
   */
  private static List<Integer> nestMerged(Summary callee, LockState s) {
    if (!callee.acquisitions.anyNest() || s.held().size() < 2) return null;
    List<Integer> out = null;
    List<Summary.Acquisition> all = callee.acquisitions.values();
    for (int i = 0; i < all.size(); i++) {
      if (!mergedByNestLock(all.get(i), s)) continue;
      if (out == null) out = new ArrayList<>(2);
      out.add(i);
    }
    return out;
  }

  private LockState release(Event.Release r, LockState s) {
    LockClassResolver.Resolved res = ctx.resolver().resolve(r.lock(), fn);
    HeldLock stored = res == null ? null : pointers.storedThroughAddress(res.key(), s);
    LockKey key = res == null ? null : stored != null ? stored.key() : res.key();
    if (key != null && stored == null && !s.holdsBase(key)) {
      // A local lock pointer assigned again since its first assignment (LockClassResolver.assignedKeys).
      LockKey assigned = s.latestHeldOf(ctx.resolver().assignedKeys(r.lock(), fn));
      if (assigned != null) key = assigned;
    }
    LockState after = key == null ? s : s.unlock(key);
    if (r.irqs() == null) return after;
    LockState enabled = after.withScopes(after.scopes().irqs(r.irqs(), -1));
    irqsEnabledWhileHeld(after, enabled, r.api(), r.location());
    return enabled;
  }

  /**
   * Interrupts enabled again while locks are still held (local_irq_enable, or the unlock_irq of
   * another lock) make those locks irq-unsafe from here, as lockdep marks them: recorded as a
   * usage at the enabling call, with the ordering of the original acquisition.
   */
  private void irqsEnabledWhileHeld(LockState before, LockState after, String api, org.lockorder.ir.Location at) {
    int newlyOn = after.scopes().irqsOn() & ~before.scopes().irqsOn();
    if (newlyOn == 0) return;
    for (HeldLock h : after.held()) {
      if (h.fromEntry() || !(h.key() instanceof LockKey.OfClass)) continue;
      Site site = new Site(List.of(), fn.name(), at, api + " while holding " + h.site().instance(),
          classOf(h.key()), h.mode(), h.site().instance());
      summary.addAcquisition(new Summary.Acquisition(h.key(), h.mode(), site, after.released(), 0, newlyOn));
    }
  }

  /** An allocation that may enter fs reclaim takes and drops the reclaim pseudo-lock, lockdep's way. */
  private LockState mayReclaim(Event.MayReclaim r, LockState s) {
    LockClass reclaim = ctx.reclaimClass();
    if (reclaim == null || s.scopes().reclaimOff() > 0) return s;
    Site site = new Site(List.of(), fn.name(), r.location(), r.api(), reclaim, ctx.reclaimMode(), reclaim.name());
    if (r.gfpParam() >= 0) {
      // Locks held here do not order before it unless a caller's flags reclaim: a known limit.
      summary.addReclaimIfParam(new Summary.ReclaimIfParam(r.gfpParam(), site));
      return s;
    }
    reclaimAt(s, site);
    return s;
  }

  private void reclaimAt(LockState s, Site site) {
    order(s, new HeldLock(new LockKey.OfClass(ctx.reclaimClass()), ctx.reclaimMode(), site, false), Set.of(), Scopes.VIA_RECLAIM);
  }

  /** A callee's allocation with this call's gfp argument: reclaims, passes the decision up, or not. */
  private void reclaimThrough(Summary.ReclaimIfParam r, List<Arg> args, CallStep step, LockState s) {
    if (s.scopes().reclaimOff() > 0 || r.param() >= args.size()) return;
    String text = args.get(r.param()).text();
    switch (GfpFlags.judge(text, ctx.reclaimModel())) {
      case RECLAIMS -> reclaimAt(s, r.site().through(step));
      case NO_RECLAIM -> { }
      case UNKNOWN -> {
        String name = GfpFlags.leadingName(text);
        for (int i = 0; i < fn.params().size(); i++) {
          if (fn.params().get(i).name().equals(name)) {
            summary.addReclaimIfParam(new Summary.ReclaimIfParam(i, r.site().through(step)));
          }
        }
      }
    }
  }

  private LockState assertHeld(Event.AssertHeld a, LockState s) {
    LockClassResolver.Resolved r = ctx.resolver().resolve(a.lock(), fn);
    if (r == null || s.holds(r.key())) return s;
    Site site = new Site(List.of(), fn.name(), a.location(), a.api(), classOf(r.key()), a.mode(), r.instance());
    return s.push(new HeldLock(r.key(), a.mode(), site, true));
  }

  /**
   * "Acquire {@code lock} while holding what {@code s} holds", skipping locks the acquisition's
   * path released first: records edges (or pending edges for parameter locks) and makes the
   * acquisition visible to callers.
   */
  private void order(LockState s, HeldLock lock, Set<LockKey> releasedBefore, int cuts) {
    order(s, lock, releasedBefore, cuts, s.scopes().irqsOn());
  }

  private void order(LockState s, HeldLock lock, Set<LockKey> releasedBefore, int cuts, int irqsOn) {
    order(s, lock, releasedBefore, cuts, irqsOn, null);
  }

  private void order(LockState s, HeldLock lock, Set<LockKey> releasedBefore, int cuts, int irqsOn, LockKey nest) {
    cuts |= s.scopes().reachedBits();
    orderAfter(s.held(), s, lock, releasedBefore, cuts);
    summary.addAcquisition(new Summary.Acquisition(lock.key(), lock.mode(), lock.site(), union(s.released(), releasedBefore),
        cuts, irqsOn, lock.fileSystems(), pointers.nullParams(s), null, 0, pointers.nonNullParams(s), nest));
  }

  /** The edges (pending edges for parameter locks) from each of {@code held}, held in {@code s}, to {@code lock}. */
  private void orderAfter(List<HeldLock> held, LockState s, HeldLock lock, Set<LockKey> releasedBefore, int cuts) {
    orderAfter(held, s, lock.key(), lock.mode(), lock.site(), null, releasedBefore, cuts, lock.fileSystems());
  }

  /**
   * The same for the acquisition of {@code key} at {@code site} seen through the call {@code
   * through} when it is not null: that view of the site is made only for a pending edge or an edge
   * that keeps it as its witness (EdgeStore.record). A recursion's propagation orders tens of
   * millions of callee acquisitions after held locks, and most add no witness.
   */
  private void orderAfter(
      List<HeldLock> held, LockState s, LockKey key, Mode mode, Site site, CallStep through,
      Set<LockKey> releasedBefore, int cuts, FileSystemSet acquiredFor) {
    Site seen = through == null ? site : null;
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      if (releasedBefore.contains(h.key()) || releasedBefore.contains(h.key().base())) continue;
      if (FileSystemScope.apart(h.fileSystems(), acquiredFor) || apartFromHere(h.fileSystems(), acquiredFor)) continue;
      if (mode == Mode.RECURSIVE_READ && h.mode().shared() && h.key().equals(key)) continue;
      Set<LockClass> gates = gates(s, h, key, releasedBefore);
      if (h.key() instanceof LockKey.OfClass && key instanceof LockKey.OfClass) {
        ctx.edges().record(EdgeType.of(h.mode(), mode), fn, h.site(), site, through, gates, h.fileSystems().intersect(acquiredFor));
      } else {
        if (seen == null) seen = site.through(through);
        summary.addPending(new Summary.PendingEdge(h.attached(), key, mode, seen, gates, cuts));
      }
    }
  }

  /**
   * The caller's released locks, then the callee's: one of the two sets itself when the other adds
   * nothing (released sets are never modified once made).
   */
  private static Set<LockKey> union(Set<LockKey> released, Set<LockKey> releasedBefore) {
    if (released.isEmpty()) return releasedBefore;
    if (releasedBefore.isEmpty() || released.containsAll(releasedBefore)) return released;
    KeySet rel = KeySet.of(released);
    for (LockKey k : releasedBefore) rel = rel.with(k);
    return rel;
  }

  /**
   * Single-instance locks held besides the two ends: a lock that serializes this ordering. The
   * set is not modified afterwards by anyone (EdgeStore, pending edges).
   */
  private Set<LockClass> gates(LockState s, HeldLock from, LockKey to, Set<LockKey> releasedBefore) {
    if (s.held().size() < 2) return Set.of(); // only 'from' is held: nothing else can serialize
    List<HeldLock> candidates = s.singleInstanceHeld(ctx.resolver());
    if (candidates.isEmpty()) return Set.of();
    LockClass only = null;
    Set<LockClass> gates = null;
    for (HeldLock g : candidates) {
      if (g == from || releasedBefore.contains(g.key()) || g.key().equals(to) || g.key().equals(from.key())) continue;
      LockClass c = ((LockKey.OfClass) g.key()).lockClass();
      if (gates != null) {
        gates.add(c);
      } else if (only == null || only.equals(c)) {
        only = c;
      } else {
        gates = new TreeSet<>();
        gates.add(only);
        gates.add(c);
      }
    }
    return gates != null ? gates : only != null ? Set.of(only) : Set.of();
  }

  private List<LockState> call(Node n, List<Arg> args, LockState s) {
    List<CallTarget> targets = ctx.callGraph().targets(fn, n.id());
    if (targets.isEmpty()) return List.of(s);
    // Through an ops pointer whose tables the path remembers: only those tables' functions, and
    // each result remembers the tables of the targets that gave it (OpsChoice).
    String pointer = dispatch.pointerAt(n.id());
    TableSet chosen = pointer == null ? null : s.choice(pointer);
    ReachedTables reached = pointer == null ? null : new ReachedTables();
    Map<Object, LockState> results = new LinkedHashMap<>();
    Set<LockClass> heldClasses = heldClasses(s);
    // Exits already taken from this state at this call: an exit of the same shape from another
    // target (an indirect call) only yields states with identities already in results.
    Set<List<Object>> exitShapes = targets.size() > 1 ? new java.util.HashSet<>() : null;
    CallStep[] steps = callSteps.get(n.id());
    if (steps == null) callSteps.put(n.id(), steps = new CallStep[targets.size()]);
    FileSystemScope.Passage[] passages = callPassages.get(n.id());
    if (passages == null) callPassages.put(n.id(), passages = new FileSystemScope.Passage[targets.size()]);
    Substitution sub = new Substitution(args);
    List<HeldLock> returnedAtomic = returnedAtomic(s);
    for (int i = 0; i < targets.size(); i++) {
      CallTarget t = targets.get(i);
      if (reached != null) {
        if (TableSet.disjoint(t.tables(), chosen)) continue;
        reached.target(t);
      }
      Summary specialised = ctx.specialisedSummary(fn, t.function(), args, values.boundAt(s), values.masksAt(s));
      Summary callee = specialised != null ? specialised : ctx.summary(t.function());
      ctx.noteCallContext(fn, n.id(), t.function(), heldClasses);
      CallStep step = steps[i];
      if (step == null) steps[i] = step = new CallStep(fn.name(), n.event().location(), t.function().name(), t.viaAt(n.event()));
      // Scopes open here (pagefault_disable, memalloc_nofs_save) also cover callees' faults and
      // allocations; interrupts disabled here stay disabled in the callee.
      int callCuts = (ctx.callGraph().isPageFault(t.function()) ? Scopes.VIA_FAULT : 0) | s.scopes().reachedBits();
      FileSystemScope.Passage passage = passages[i];
      if (passage == null) passages[i] = passage = scope.passage(t);
      // A fault through an iov_iter parameter: what it reaches is this function's only while a
      // caller's iterator may be over user memory, so its jobs are not another fault's.
      int faultIterator = n.event() instanceof Event.MayFault mf ? mf.iteratorParam() : -1;
      CallJobs jobs = faultIterator >= 0
          ? jobsByFaultIterator.computeIfAbsent(faultIterator, k -> new CallJobs(ctx.resolver()))
          : jobs(passage);
      // Solving a recursion, the callee's summary is not final yet: its nest locks are not used.
      List<Integer> merged = ctx.deferCalls() ? null : nestMerged(callee, s);
      if (merged != null) jobs = jobsByNestMerged.computeIfAbsent(List.of(jobs, merged), k -> new CallJobs(ctx.resolver()));
      Object used = specialised != null ? specialised : t.function();
      boolean orders = jobs.orders(used, args, s);
      List<HeldLock> ordering = orders ? jobs.freshlyOrdering(used, args, s) : List.of();
      boolean extendsSummary = jobs.extendsSummary(used, args, s);
      Transfer tr = new Transfer(
          t.function(), specialised, step, sub, s, callCuts, orders, ordering, extendsSummary, passage, faultIterator,
          pointers.nonNullParams(s), merged != null, pointer, t.tables(), dispatchedChoices(pointer, t.tables(), s), returnedAtomic);
      if (!orders && !extendsSummary) {
        // Applied already, from another call or other states with the same effects.
      } else if (ctx.deferCalls()) {
        // Solving a recursion: the callee's acquisitions are applied once the states are final
        // and its summary complete (Analyzer), through this transfer.
        transfers.add(tr);
      } else {
        for (Summary.Acquisition a : callee.acquisitions.values()) apply(tr, a);
        for (int k = 0, m = callee.pending.size(); k < m; k++) apply(tr, callee.pending.get(k));
      }
      for (Summary.ReclaimIfParam r : callee.reclaimIfParam.values()) reclaimThrough(r, args, step, s);
      if (callee.exits.isEmpty() && ctx.returnsWithoutExits(t.function())) {
        results.putIfAbsent(s.identity(), s);
        if (reached != null) reached.gave(s.identity(), t);
      }
      boolean tested = testedCalls.contains(n.id());
      for (Summary.ExitEffect e : pointers.possibleExits(callee, args, s)) {
        if (exitShapes != null && !exitShapes.add(e.shape())) {
          if (reached != null && reached.byShape.containsKey(e.shape())) reached.gave(reached.byShape.get(e.shape()), t);
          continue;
        }
        // The constant only where a branch compares with one: states keep apart by it.
        String constant = comparedCalls.contains(n.id()) ? e.returnedConstant() : null;
        LockState after = tested ? s.withResult(new LockState.ResultTag(n.id(), e.returned(), constant)) : s;
        after = releaseExit(after, e.released(), sub, args, t.function());
        if (!e.releasedTwice().isEmpty()) after = after.releaseAgain(sub.keyList(e.releasedTwice()));
        List<HeldLock> added = e.added();
        for (int k = 0, m = added.size(); k < m; k++) {
          HeldLock h = added.get(k);
          // A lock the callee returns holding only for another file system's objects is not held here.
          FileSystemSet heldFor = scope.through(passage, h.fileSystems());
          HeldLock lock = heldFor == null ? null : sub.lock(h.key(), h.mode(), h.site().through(step), h.fromEntry());
          if (lock == null) continue;
          lock = lock.withThrough(pointers.throughArgument(h.through(), args));
          if (e.returned() == ReturnKind.ZERO && PointerFacts.notThroughResult(t.function(), h)
              && pointers.storesResult(n.event().location())) {
            lock = lock.detachedFrom(HeldLock.NULL_RESULT);
          }
          after = after.push(lock.withFileSystems(heldFor));
        }
        after = withCalleeChoices(after, e, args);
        if (after == null) continue;
        results.putIfAbsent(after.identity(), after);
        if (reached != null) {
          reached.byShape.putIfAbsent(e.shape(), after.identity());
          reached.gave(after.identity(), t);
        }
      }
    }
    if (reached == null) return new ArrayList<>(results.values());
    if (!reached.anyTarget) return List.of(s); // no table has the slot: the call is not made
    Map<Object, LockState> chose = new LinkedHashMap<>();
    for (Map.Entry<Object, LockState> r : results.entrySet()) {
      TableSet got = reached.tablesOf(r.getKey());
      LockState after = r.getValue();
      // What every target gives says nothing about the table.
      if (got != null && !got.equals(reached.all())) after = after.choosing(pointer, TableSet.intersect(chosen, got));
      chose.putIfAbsent(after.identity(), after);
    }
    return new ArrayList<>(chose.values());
  }

  /**
   * {@code after} with the ops tables a callee's exit chose for a pointer of its parameter, read
   * for this call's argument ({@link DispatchPointers#imported}); null when this path chose other
   * tables for the same pointer, so that exit cannot follow.
   */
  private LockState withCalleeChoices(LockState after, Summary.ExitEffect e, List<Arg> args) {
    for (OpsChoice c : e.choices()) {
      ImportedChoice im = imported(c.pointer(), args);
      if (im.passed() != null && TableSet.disjoint(im.passed(), c.tables())) return null;
      String mine = im.here();
      if (mine == null) continue;
      TableSet both = TableSet.intersect(after.choice(mine), c.tables());
      if (both.isEmpty()) return null;
      after = after.choosing(mine, both);
    }
    return after;
  }

  /** For one call through a remembered ops pointer: the tables of the targets behind each result state. */
  private static final class ReachedTables {
    /** Result identity → the union of the tables of the targets that gave it; absent where one is in no table. */
    private final Map<Object, TableSet> tables = new HashMap<>();
    private final Set<Object> anyTable = new HashSet<>();
    /** Exit shape → the identity of the result state it gave (exits of one shape give one state). */
    final Map<List<Object>, Object> byShape = new HashMap<>();
    boolean anyTarget;
    private boolean someTargetInNoTable;
    private TableSet allTables;

    void target(CallTarget t) {
      if (t.tables() == null) someTargetInNoTable = true;
      else allTables = allTables == null ? t.tables() : TableSet.union(allTables, t.tables());
      anyTarget = true;
    }

    void gave(Object result, CallTarget t) {
      if (t.tables() == null) anyTable.add(result);
      else tables.merge(result, t.tables(), TableSet::union);
    }

    /** The tables behind {@code result}; null for any table. */
    TableSet tablesOf(Object result) {
      return anyTable.contains(result) ? null : tables.get(result);
    }

    /** The tables of every target the call may reach; null for any table. */
    TableSet all() {
      return someTargetInNoTable ? null : allTables;
    }
  }

  /**
   * One call in one held state: what applying a callee's acquisitions and pending edges needs.
   * {@code callCuts} is {@link Scopes#VIA_FAULT} for the implicit call into the page-fault handler.
   * A transfer does one or both of two jobs, each only when no earlier transfer of the analysis
   * did it already ({@link CallJobs}): {@code orders}, record the edges and pending edges from the
   * held locks to the callee's (for its acquisitions, only from the held locks in {@code
   * ordering}); {@code extendsSummary}, make the callee's acquisitions this function's. {@code
   * specialised} is the callee's summary for the constants this call passes (ADR-007), or null.
   */
  record Transfer(
      Function target, Summary specialised, CallStep step, Substitution sub, LockState state, int callCuts, boolean orders,
      List<HeldLock> ordering, boolean extendsSummary, FileSystemScope.Passage passage, int faultIterator, long nonNullParams,
      boolean nestMerges, String pointer, TableSet tables, List<OpsChoice> dispatched, int cutBits, int irqsOn,
      Set<LockKey> released, List<HeldLock> returnedAtomic) {
    /**
     * {@code cutBits}, {@code irqsOn} and {@code released} are the state's, copied, and {@code
     * nonNullParams} the parameters its path found not NULL ({@link PointerFacts#nonNullParams}):
     * a recursion's propagation applies tens of millions of acquisitions to transfers, and most
     * of them stop at these, without reading the state. {@code nestMerges}: some of the callee's
     * acquisitions are references to locks the state holds under their nest lock ({@link
     * #mergedByNestLock}). {@code pointer} is the ops pointer the call goes through when a path
     * remembers its tables ({@link DispatchPointers#pointerAt}), {@code tables} the target's, and
     * {@code dispatched} what a callee's acquisition without choices of its own is reached under
     * ({@link #choicesThrough}), made once: the propagation applies millions of acquisitions.
     * {@code returnedAtomic}: the state's locks of an atomic kind that a callee returned held
     * ({@link AtomicContext}), usually none.
     */
    Transfer(
        Function target, Summary specialised, CallStep step, Substitution sub, LockState state, int callCuts,
        boolean orders, List<HeldLock> ordering, boolean extendsSummary, FileSystemScope.Passage passage, int faultIterator,
        long nonNullParams, boolean nestMerges, String pointer, TableSet tables, List<OpsChoice> dispatched,
        List<HeldLock> returnedAtomic) {
      this(target, specialised, step, sub, state, callCuts, orders, ordering, extendsSummary, passage, faultIterator,
          nonNullParams, nestMerges, pointer, tables, dispatched, state.scopes().cutBits(), state.scopes().irqsOn(),
          state.released(), returnedAtomic);
    }
  }

  /** The jobs done so far by calls with this passage: calls that pass different file systems do different jobs. */
  private CallJobs jobs(FileSystemScope.Passage passage) {
    if (passage == FileSystemScope.Passage.KEEP) return jobs;
    return jobsByPassage.computeIfAbsent(passage, p -> new CallJobs(ctx.resolver()));
  }

  /** By call node: the step into each target, made once per analysis rather than per state. */
  private Map<Integer, CallStep[]> callSteps = new HashMap<>();
  /** By call node: the passage into each target ({@link #passage}), likewise. */
  private Map<Integer, FileSystemScope.Passage[]> callPassages = new HashMap<>();

  private final List<Transfer> transfers = new ArrayList<>();
  private CallJobs jobs;
  private Map<FileSystemScope.Passage, CallJobs> jobsByPassage = new HashMap<>();
  /** The jobs of faults through each iov_iter parameter ({@link Event.MayFault#iteratorParam}). */
  private Map<Integer, CallJobs> jobsByFaultIterator = new HashMap<>();
  /** The jobs of states whose callee's acquisitions {@link #mergedByNestLock} leaves out, by those left out. */
  private Map<List<Object>, CallJobs> jobsByNestMerged = new HashMap<>();
  /** This function's locals set up as iterators over kernel memory; computed when first needed. */
  private Set<String> kernelIterators;
  /** What this function's calls do to the file systems of what they reach (ADR-003). */
  private final FileSystemScope scope;
  /** The file systems this function's callers can run it for (ADR-003 later): an edge for none of them is on no thread. */
  private final FileSystemSet runsHere;

  /** Whether an edge from a lock held for {@code heldFor} to one acquired for {@code acquiredFor} runs for none of {@link #runsHere}. */
  private boolean apartFromHere(FileSystemSet heldFor, FileSystemSet acquiredFor) {
    return !runsHere.isAny() && FileSystemScope.apart(runsHere, heldFor.intersect(acquiredFor));
  }

  /** Deferred calls (see {@link AnalysisContext#deferCalls}) seen by the last run. */
  List<Transfer> transfers() {
    return transfers;
  }

  Summary summary() {
    return summary;
  }

  Function function() {
    return fn;
  }

  /** A callee's acquisition, seen through one call: records edges and extends this summary. */
  void apply(Transfer tr, Summary.Acquisition a) {
    int cuts = tr.callCuts() | a.cuts();
    if ((tr.cutBits() & cuts) != 0) return;
    // The callee takes it only on a path that found NULL a pointer this call knows is not NULL.
    if (a.nullParams() != 0 && pointers.contradicts(a.nullParams(), tr.sub().args, tr.state())) return;
    if (tr.nestMerges() && mergedByNestLock(a, tr.state())) return;
    boolean orders = !tr.ordering().isEmpty();
    if (!orders && !tr.extendsSummary()) return;
    FileSystemSet fileSystems = scope.through(tr.passage(), a.fileSystems());
    if (fileSystems == null) return;
    int userIterators = userIteratorsThrough(tr, a);
    if (userIterators < 0) return;
    long nonNull = a.nonNullParams() == 0 ? tr.nonNullParams() : pointers.nonNullThrough(a.nonNullParams(), tr.sub().args);
    if (nonNull < 0) return;
    nonNull |= tr.nonNullParams();
    List<OpsChoice> choices = choicesThrough(tr, a.choices());
    if (choices == null) return;
    Set<LockKey> releasedBefore = tr.sub().keys(a.releasedBefore());
    HeldLock lock = null;
    if (tr.extendsSummary()) {
      // The summary's acquisition is left as it is when it already has a path no longer and
      // releases no more locks first (Summary.addAcquisition): the common case in a recursion.
      int irqsOn = a.irqsOn() & tr.irqsOn();
      boolean covered = a.key() instanceof LockKey.OfClass
          && summary.covers(
              a.key(), a.mode(), cuts, irqsOn, a.site().calls().size() + 1, tr.released(), releasedBefore, fileSystems, userIterators,
              nonNull, a.nest(), choices);
      if (!covered) {
        Set<LockKey> released = union(tr.released(), releasedBefore);
        if (a.others() == null) {
          lock = tr.sub().lock(a.key(), a.mode(), a.site().through(tr.step()), false);
          if (lock == null) return;
          summary.addAcquisition(new Summary.Acquisition(
              lock.key(), lock.mode(), lock.site(), released, cuts, irqsOn, fileSystems, 0L, null, userIterators, nonNull,
              a.nest(), choices));
        } else {
          // Each path the callee kept for some file systems, for those of them that reach here.
          for (Summary.Witness w : a.witnesses()) {
            FileSystemSet runsFor = scope.through(tr.passage(), w.fileSystems());
            HeldLock through = runsFor == null ? null : tr.sub().lock(a.key(), a.mode(), w.site().through(tr.step()), false);
            if (through == null) continue;
            summary.addAcquisition(new Summary.Acquisition(
                through.key(), through.mode(), through.site(), released, cuts, irqsOn, runsFor, 0L, null, userIterators, nonNull,
                a.nest(), choices));
            if (lock == null) lock = through;
          }
          if (lock == null) return;
        }
      }
    }
    if (!orders) return;
    List<HeldLock> ordering = tr.ordering();
    if ((a.cuts() & Scopes.VIA_SLEEP) != 0 && !tr.returnedAtomic().isEmpty()) {
      ordering = notSleptUnder(ordering, tr);
      if (ordering.isEmpty()) return;
    }
    if (a.others() != null && a.key() instanceof LockKey.OfClass) {
      // Per held lock, the path that can run for the file systems it is held for.
      orderAfter(ordering, tr.state(), a, tr.passage(), tr.step(), releasedBefore, cuts, fileSystems);
    } else if (lock != null) {
      orderAfter(ordering, tr.state(), lock.key(), lock.mode(), lock.site(), null, releasedBefore, cuts, fileSystems);
    } else if (a.key() instanceof LockKey.OfClass) {
      // The key is the callee's and the caller's alike; the site is made only if needed.
      orderAfter(ordering, tr.state(), a.key(), a.mode(), a.site(), tr.step(), releasedBefore, cuts, fileSystems);
    } else {
      lock = tr.sub().lock(a.key(), a.mode(), a.site().through(tr.step()), false);
      if (lock != null) orderAfter(ordering, tr.state(), lock.key(), lock.mode(), lock.site(), null, releasedBefore, cuts, fileSystems);
    }
  }

  /**
   * The ops-table choices under which a callee's acquisition is reached through {@code tr}, in
   * this function's callers' terms ({@link OpsChoice}); null when this call cannot reach it: the
   * callee takes it only for tables that the argument ({@code &xfs_page_mkwrite_iomap_ops}) or
   * this path's choice for the argument's pointer excludes. A call through a pointer this
   * function's path remembers adds the target's tables for it.
   */
  private List<OpsChoice> choicesThrough(Transfer tr, List<OpsChoice> callee) {
    if (callee.isEmpty()) return tr.dispatched();
    // This function's pointers and what the path allows for each: the one called through, then
    // those the callee's choices name (rarely more than one).
    List<String> here = new ArrayList<>(2);
    List<TableSet> allowed = new ArrayList<>(2);
    if (tr.pointer() != null && tr.tables() != null) {
      here.add(tr.pointer());
      allowed.add(TableSet.intersect(tr.state().choice(tr.pointer()), tr.tables()));
    }
    for (int i = 0, n = callee.size(); i < n; i++) {
      OpsChoice c = callee.get(i);
      ImportedChoice im = imported(c.pointer(), tr.sub().args);
      if (im.passed() != null && TableSet.disjoint(im.passed(), c.tables())) return null;
      if (im.here() == null) continue;
      int at = here.indexOf(im.here());
      TableSet was = at >= 0 ? allowed.get(at) : tr.state().choice(im.here());
      TableSet both = TableSet.intersect(was, c.tables());
      if (both.isEmpty()) return null;
      if (at >= 0) {
        allowed.set(at, both);
      } else {
        here.add(im.here());
        allowed.add(both);
      }
    }
    List<OpsChoice> out = new ArrayList<>(here.size());
    for (int i = 0; i < here.size(); i++) {
      String exported = dispatch.exportedAny(here.get(i));
      if (exported != null) out.add(new OpsChoice(exported, allowed.get(i)));
    }
    if (out.size() > 1) out.sort(null);
    return out.isEmpty() ? List.of() : out;
  }

  /**
   * A callee's choice read at one call: the static tables its argument is the address of, and
   * the pointer of this function it is about; made once per call and choice, as the propagation
   * of a recursion asks again for every acquisition.
   */
  private record ImportedChoice(TableSet passed, String here) {}

  /** The call's arguments compared by reference: they are the IR node's own list. */
  private record ImportKey(String pointer, List<Arg> args) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ImportKey k && k.args == args && k.pointer.equals(pointer);
    }

    @Override
    public int hashCode() {
      return pointer.hashCode() * 31 + System.identityHashCode(args);
    }
  }

  private final Map<ImportKey, ImportedChoice> importedChoices = new HashMap<>();

  private ImportedChoice imported(String calleePointer, List<Arg> args) {
    ImportKey key = new ImportKey(calleePointer, args);
    ImportedChoice known = importedChoices.get(key);
    if (known != null) return known;
    ImportedChoice made = new ImportedChoice(
        ctx.callGraph().tablesAt(DispatchPointers.argumentOf(calleePointer, args), fn), dispatch.imported(calleePointer, args));
    importedChoices.put(key, made);
    return made;
  }

  /** What a call through {@code pointer} into a target stored in {@code tables} tells this function's callers. */
  private List<OpsChoice> dispatchedChoices(String pointer, TableSet tables, LockState s) {
    if (pointer == null || tables == null) return List.of();
    String exported = dispatch.exportedAny(pointer);
    return exported == null ? List.of() : List.of(new OpsChoice(exported, TableSet.intersect(s.choice(pointer), tables)));
  }

  /**
   * The iov_iter parameters of this function that must iterate over user memory for {@code a},
   * seen through {@code tr}, to be reached (bits, {@link Summary.Acquisition#userIterators}); -1
   * when this call passes an iterator over kernel memory where one must be user memory, so it is
   * not reached from here. A fault through a parameter adds it; a callee's condition on its
   * parameter becomes one on the caller's parameter passed there, or none for anything else.
   */
  private int userIteratorsThrough(Transfer tr, Summary.Acquisition a) {
    int out = tr.faultIterator() >= 0 && tr.faultIterator() < 32 ? 1 << tr.faultIterator() : 0;
    for (int bits = a.userIterators(); bits != 0; bits &= bits - 1) {
      int param = Integer.numberOfTrailingZeros(bits);
      Arg arg = tr.sub().args.size() > param ? tr.sub().args.get(param) : null;
      if (kernelIterators == null) kernelIterators = KernelIterators.locals(fn, ctx.callGraph().model());
      if (KernelIterators.addressOf(arg, kernelIterators) != null) return -1;
      int mine = KernelIterators.parameter(arg, fn);
      if (mine >= 0 && mine < 32) out |= 1 << mine;
    }
    return out;
  }

  /**
   * The edges from each of {@code held} to a callee's acquisition {@code a} of a class that kept
   * paths for different file systems: each edge shows the path that runs for a file system the
   * held lock is held for, and that reaches here.
   */
  private void orderAfter(
      List<HeldLock> held, LockState s, Summary.Acquisition a, FileSystemScope.Passage passage, CallStep through,
      Set<LockKey> releasedBefore, int cuts, FileSystemSet acquiredFor) {
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      if (releasedBefore.contains(h.key()) || releasedBefore.contains(h.key().base())) continue;
      if (FileSystemScope.apart(h.fileSystems(), acquiredFor) || apartFromHere(h.fileSystems(), acquiredFor)) continue;
      if (a.mode() == Mode.RECURSIVE_READ && h.mode().shared() && h.key().equals(a.key())) continue;
      // The path shown runs for a file system this function's callers can run it for, too.
      FileSystemScope.Path path = scope.pathFor(a, passage, h.fileSystems().intersect(runsHere), acquiredFor);
      ctx.edges().record(EdgeType.of(h.mode(), a.mode()), fn, h.site(), path.site(), through, gates(s, h, a.key(), releasedBefore),
          path.runsFor());
    }
  }

  /** A callee's pending edge, seen through one call. */
  void apply(Transfer tr, Summary.PendingEdge pe) {
    if (tr.orders() && (tr.cutBits() & (tr.callCuts() | pe.cuts())) == 0) {
      applyPending(pe, tr.step(), tr.sub(), tr.state(), tr.callCuts());
    }
  }

  private void applyPending(
      Summary.PendingEdge pe, CallStep step, Substitution sub, LockState s, int callCuts) {
    HeldLock held = sub.lock(pe.held().key(), pe.held().mode(), pe.held().site().through(step), false);
    HeldLock lock = sub.lock(pe.key(), pe.mode(), pe.acquired().through(step), false);
    if (held == null || lock == null) return;
    if (held.key().equals(lock.key()) && lock.mode() == Mode.RECURSIVE_READ && held.mode().shared()) return;
    Set<LockClass> gates = new TreeSet<>(pe.gates());
    gates.addAll(gates(s, held, lock.key(), Set.of()));
    if (held.key() instanceof LockKey.OfClass && lock.key() instanceof LockKey.OfClass) {
      ctx.edges().record(EdgeType.of(held.mode(), lock.mode()), fn, held.site(), lock.site(), gates);
    } else {
      summary.addPending(
          new Summary.PendingEdge(held, lock.key(), lock.mode(), lock.site(), gates, callCuts | pe.cuts()));
    }
  }

  /**
   * {@code s} after a callee exit's releases. A class the callee's own body unlocks only through
   * one parameter ({@link AnalysisContext#releaseParams}) releases the held lock taken through
   * that argument, where the state knows one ({@link LockState#release(LockKey, String)}): 6.1's
   * {@code pipe_unlock(ipipe)} unlocks the input pipe's {@code mutex/1}, not the output pipe's
   * newer {@code mutex/2}. The others release by class, the newest first.
   */
  private LockState releaseExit(LockState s, Set<LockKey> released, Substitution sub, List<Arg> args, Function callee) {
    if (s.held().size() < 2 || released.isEmpty()) return s.releaseAll(sub.keyList(released));
    Map<LockKey, Integer> params = ctx.releaseParams(callee);
    if (params.isEmpty()) return s.releaseAll(sub.keyList(released));
    for (LockKey k : released) {
      Integer param = params.get(k.base());
      LockKey mine = k instanceof LockKey.OfParam p ? sub.key(p) : k;
      if (mine == null) continue;
      s = param == null ? s.release(mine) : s.release(mine, pointers.throughArgument(String.valueOf(param), args));
    }
    return s;
  }

  /** Replaces a callee's parameter locks by what this call passes. */
  final class Substitution {
    private final List<Arg> args;

    Substitution(List<Arg> args) {
      this.args = args;
    }

    /** A parameter lock as this call's argument, in the caller's terms; null if unresolvable. */
    private LockClassResolver.Resolved argument(LockKey.OfParam p) {
      Arg arg = p.index() < args.size() ? args.get(p.index()) : null;
      return ctx.resolver().resolveParam(p, arg, fn);
    }

    /** A parameter lock's key in the caller's terms; null if unresolvable. */
    LockKey key(LockKey.OfParam p) {
      LockClassResolver.Resolved r = argument(p);
      return r == null ? null : r.key();
    }

    HeldLock lock(LockKey key, Mode mode, Site site, boolean fromEntry) {
      if (key instanceof LockKey.OfClass) return new HeldLock(key, mode, site, fromEntry);
      LockClassResolver.Resolved r = argument((LockKey.OfParam) key);
      if (r == null) return null;
      return new HeldLock(r.key(), mode, site.withClass(classOf(r.key()), r.instance()), fromEntry);
    }

    /**
     * The keys in the caller's terms, one per callee key: two callee keys that name one caller
     * class ({@code parent->d_lock} through a local and {@code dentry->d_lock} through a
     * parameter, both {@code dentry.d_lock} to a caller whose {@code dentry} is a local) are two
     * unlocks there, of two held instances (6.1 {@code __dentry_kill}).
     */
    java.util.Collection<LockKey> keyList(Set<LockKey> keys) {
      if (keys.isEmpty()) return KeySet.EMPTY;
      KeySet given = KeySet.of(keys);
      if (!given.anyParam()) return given;
      java.util.List<LockKey> out = new java.util.ArrayList<>(keys.size());
      for (LockKey k : keys) {
        LockKey mine = k instanceof LockKey.OfParam p ? key(p) : k;
        if (mine != null) out.add(mine);
      }
      return out;
    }

    /** The keys in the caller's terms: {@code keys} itself when none is a parameter lock (sets are never modified). */
    Set<LockKey> keys(Set<LockKey> keys) {
      return KeySet.of(keyList(keys));
    }
  }

  /** The classes {@code s} holds (not to be modified: a state's set is shared). */
  private static Set<LockClass> heldClasses(LockState s) {
    return s.heldClasses();
  }

  /** Locks the caller must hold on entry, from sparse annotations on the definition or prototype. */
  private LockState initialState() {
    LockState s = LockState.EMPTY;
    if (ctx.callGraph().irqOnly(fn)) s = s.withScopes(s.scopes().inInterrupt());
    for (LockAnnotation a : ctx.annotations(fn)) {
      HeldLock h = a.kind().equals("acquires") ? null : annotated(a, true);
      if (h != null) s = s.push(h);
    }
    return s;
  }

  /** The lock a sparse annotation names, as held since {@code a}'s location; null if unresolvable. */
  private HeldLock annotated(LockAnnotation a, boolean fromEntry) {
    LockClassResolver.Resolved r = ctx.resolver().resolve(new LockRef(a.lock().path(), null, null), fn);
    if (r == null) return null;
    Site site = new Site(List.of(), fn.name(), a.location(), "__" + a.kind(), classOf(r.key()), Mode.WRITE, r.instance());
    return new HeldLock(r.key(), Mode.WRITE, site, fromEntry);
  }

  private Summary.ExitEffect exitEffect(LockState s) {
    List<HeldLock> added = new ArrayList<>();
    for (HeldLock h : s.held()) if (!h.fromEntry()) added.add(h.attached());
    // '__acquires(x)' says x is held on return; a 'return ERR_PTR(err)' exit is the failure that
    // took nothing (afs_read_dir: the caller's 'if (IS_ERR(req)) return PTR_ERR(req);').
    for (LockAnnotation a : s.returning() == ReturnKind.ERROR ? List.<LockAnnotation>of() : ctx.annotations(fn)) {
      HeldLock h = a.kind().equals("acquires") ? annotated(a, false) : null;
      if (h != null && !s.holds(h.key())) added.add(h);
    }
    Set<LockKey> released = s.released();
    // '__releases(x)' says x is released on return, whether or not the body shows it: afs's
    // seq_file ->stop methods say '__releases(cell->proc_lock)' and only leave RCU, as their
    // ->start methods say '__acquires(cell->proc_lock)' and only enter it.
    for (LockAnnotation a : ctx.annotations(fn)) {
      if (!a.kind().equals("releases")) continue;
      HeldLock h = annotated(a, true);
      if (h == null || released.contains(h.key())) continue;
      for (HeldLock held : s.held()) {
        if (held.fromEntry() && held.key().equals(h.key())) {
          released = KeySet.of(released).with(h.key());
          break;
        }
      }
    }
    Set<LockClass> handedOff = ctx.callGraph().handoffs(fn);
    if (!handedOff.isEmpty()) {
      // A method that takes over its caller's lock (->read_folio: the read's completion unlocks
      // the folio) returns without it, and holds none of that class for the caller.
      added.removeIf(h -> h.key() instanceof LockKey.OfClass c && handedOff.contains(c.lockClass()));
      KeySet rel = KeySet.of(released);
      for (LockClass c : handedOff) rel = rel.with(new LockKey.OfClass(c));
      released = rel;
    }
    return new Summary.ExitEffect(
        added, released, s.returning(), pointers.nullParams(s), pointers.nonNullParams(s), s.releasedTwice(),
        pointers.nullMembers(s), s.returnedConstant(), exportedChoices(s));
  }

  /** The ops-table choices of {@code s} that callers can read, in their exported form ({@link OpsChoice}). */
  private List<OpsChoice> exportedChoices(LockState s) {
    List<OpsChoice> out = List.of();
    for (OpsChoice c : s.choices()) {
      String pointer = dispatch.exported(c.pointer());
      if (pointer == null) continue;
      if (out.isEmpty()) out = new ArrayList<>(2);
      out.add(new OpsChoice(pointer, c.tables()));
    }
    if (out.size() > 1) out.sort(null);
    return out;
  }

  /**
   * A function returning a pointer that returns NULL on some paths and, on others, an unknown
   * pointer while holding a lock that none of the NULL paths holds, is read as "locked, or NULL"
   * (page_ext_get: RCU held with the page_ext, NULL after dropping it): those exits return
   * non-NULL, so the caller's {@code if (!p) return;} cannot see the lock held with a NULL result.
   * An error pointer is such a failure too: {@code jbd2__journal_start} returns its handle with
   * the journal's {@code jbd2_handle} held, or {@code ERR_PTR(err)} without, and a caller's
   * {@code if (IS_ERR(handle))} sees the handle started on the valid side only.
   */
  private List<Summary.ExitEffect> lockedOrNull(List<Summary.ExitEffect> exits) {
    if (fn.returnType() == null || fn.returnType().pointers() == 0 || exits.size() < 2) return exits;
    Set<LockKey> heldWithNull = new HashSet<>();
    boolean returnsNull = false;
    for (Summary.ExitEffect e : exits) {
      if (e.returned() != ReturnKind.ZERO && e.returned() != ReturnKind.ERROR) continue;
      returnsNull = true;
      for (HeldLock h : e.added()) heldWithNull.add(h.key());
    }
    if (!returnsNull) return exits;
    List<Summary.ExitEffect> out = new ArrayList<>(exits.size());
    for (Summary.ExitEffect e : exits) {
      boolean lockedHere = false;
      if (e.returned() == ReturnKind.UNKNOWN) {
        for (HeldLock h : e.added()) lockedHere |= !heldWithNull.contains(h.key());
      }
      out.add(lockedHere
          ? new Summary.ExitEffect(e.added(), e.released(), ReturnKind.NONZERO, 0L, 0L, e.releasedTwice(), e.nullMembers(), e.returnedConstant(), e.choices())
          : e);
    }
    return out;
  }

  /**
   * The exits with their returned constants only where one tells an exit apart: exits alike but
   * for the constant they return ({@code return -ENOMEM;}, {@code return -EIO;} after the same
   * unlocks) are one exit without it, so that constants add no exits against {@link
   * Summary#MAX_EXITS}; an exit whose locking no other exit shares keeps its constant.
   */
  private static List<Summary.ExitEffect> constantsThatMatter(List<Summary.ExitEffect> exits) {
    Map<String, String> byLocking = new HashMap<>();
    Set<String> mixed = new HashSet<>();
    for (Summary.ExitEffect e : exits) {
      if (e.returnedConstant() == null && e.returned() != ReturnKind.NONZERO) continue;
      String locking = e.withConstant(null).identity();
      String c = e.returnedConstant() == null ? "" : e.returnedConstant();
      String was = byLocking.putIfAbsent(locking, c);
      if (was != null && !was.equals(c)) mixed.add(locking);
    }
    if (mixed.isEmpty()) return exits;
    List<Summary.ExitEffect> out = new ArrayList<>(exits.size());
    for (Summary.ExitEffect e : exits) {
      out.add(e.returnedConstant() != null && mixed.contains(e.withConstant(null).identity()) ? e.withConstant(null) : e);
    }
    return out;
  }

  /** The class for witnesses; parameter locks get a placeholder until a caller substitutes. */
  static LockClass classOf(LockKey key) {
    return key instanceof LockKey.OfClass c ? c.lockClass() : LockClass.of(key.toString());
  }
}
