package org.lockorder.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.analysis.ByReference;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.ProgramView;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;
import org.lockorder.ir.Node;
import org.lockorder.ir.Param;

/**
 * Re-derives a thread's lock operations by walking the IR along a {@link Route}, function by
 * function and branch by branch, without the analysis' summaries: the frames on the route follow
 * its calls; every other call is walked into (to a bounded depth) and each of its paths is an
 * alternative. The walk searches breadth-first for the shortest path on which the thread still
 * holds the route's held lock when it performs the final acquisition. When the final acquisition
 * is reachable only without the held lock, the analysis and the walk disagree: that is reported as
 * an internal inconsistency, a bug in one of them.
 */
final class WitnessWalker {
  private final ProgramView view;
  private final SimulationBounds bounds;
  /** Off-route calls already walked, by callee, arguments and state; shared by the walks of a program. */
  private final Map<OffRouteKey, List<Exit>> memo = new HashMap<>();
  /** Off-route calls a walk's budget ran out in, with the budget that walk had left for them. */
  private final Map<OffRouteKey, Integer> cut = new HashMap<>();
  private static final int MEMO_LIMIT = 20_000;
  private final Map<Function, Set<Integer>> tested = new IdentityHashMap<>();
  private Route route;
  private boolean needsHeld;
  private boolean truncated;
  /** Path states visited by the current walk, against {@link SimulationBounds#walkBudget}. */
  private int spent;
  /** Path states visited by every walk so far, against {@link SimulationBounds#runWork}. */
  private long spentByAllWalks;
  /**
   * Keep paths apart when their operations differ, even in the same state (lockorder simulate):
   * a branch that takes and drops a lock matters to another thread although it ends where the
   * other branch does.
   */
  private boolean distinctPaths;
  private String brokenRoute;
  private Route.Waypoint unheldFinal;
  /** The most waypoints of the current route any path has passed: where a failed walk lost it. */
  private int furthest;
  /**
   * Releases by class, as the analysis does ({@code LockState.release}): the class itself first,
   * then another subclass of it, whatever the unlock's text. Only for {@link #releasedByClass}.
   */
  private boolean releaseByClass;
  /**
   * Where a release by class dropped another lock than the unlock's text names, by location; kept
   * with {@link #byClassMemo}, whose exits passed them.
   */
  private final Map<Location, List<Divergence>> divergences = new HashMap<>();
  /** {@link #memo} for walks by class: their exits differ, and their keys hold the argument texts. */
  private final Map<List<Object>, List<Exit>> byClassMemo = new HashMap<>();

  /** An unlock that names one held lock ({@code named}) where the analysis drops another ({@code dropped}). */
  private record Divergence(String function, Location location, String api, LockOp.Held named, LockOp.Held dropped) {}

  WitnessWalker(ProgramView view, SimulationBounds bounds) {
    this.view = view;
    this.bounds = bounds;
  }

  /** The outcome of a walk. */
  sealed interface Result permits Walked, Failed {}

  /** The thread's operations, in order, ending with the final acquisition (if the route has one). */
  record Walked(List<LockOp> ops, boolean truncated) implements Result {}

  /**
   * The route could not be walked. {@code inconsistent}: the analysis says the path exists and the
   * walk finds none (a bug in one of the two); otherwise a bound stopped the walk.
   */
  record Failed(String reason, boolean inconsistent, boolean refuted) implements Result {
    Failed(String reason, boolean inconsistent) {
      this(reason, inconsistent, false);
    }
  }

  /**
   * Up to {@code bounds.exitsPerCall()} paths of {@code function} from entry to exit whose lock
   * operations differ (both sides of every branch); empty when the walk found none.
   */
  List<List<LockOp>> paths(Function function) {
    this.route = Route.whole(function.name(), function.location().file());
    this.needsHeld = false;
    this.distinctPaths = true;
    this.spent = 0;
    try {
      Frame top = new Frame(function, List.of(), List.of(), 0, 0, List.of(function), view.constantBinding(function));
      List<List<LockOp>> out = new ArrayList<>();
      for (Exit e : search(top, 0, WalkState.START, Ops.EMPTY)) out.add(e.ops.toList());
      return out;
    } finally {
      this.distinctPaths = false;
      spentByAllWalks += spent;
    }
  }

  /** Path states all walks of this walker visited. */
  long spentByAllWalks() {
    return spentByAllWalks;
  }

  /**
   * Walks one witness route. Findings share edges, and so routes (a hub edge lies on hundreds of
   * cycles): a route already walked is answered from the first walk, at no cost to the budgets.
   */
  Result walk(Route r) {
    Result known = routes.get(r);
    if (known != null) return known;
    try {
      Result out = walkRoute(r);
      if (routes.size() >= ROUTE_LIMIT) routes.clear();
      routes.put(r, out);
      return out;
    } finally {
      spentByAllWalks += spent;
    }
  }

  /**
   * Why a route the walk found no path for exists only in the analysis' terms: walked again
   * releasing by class, as the analysis does, it reaches the final acquisition holding the held
   * lock, and on that path an unlock dropped another lock of the class than the one it names (a
   * nested lock's unlock, {@code spin_unlock(&d->d_lock)}, dropping the outer {@code d_lock}).
   * lockdep releases the lock an unlock names, as the walk does, so the witness is not a path the
   * kernel can take: {@link Failed#refuted}, with the reason. A failure that is not refuted when
   * that walk hit its bound; null when it does not follow the route either, or follows it
   * without such an unlock.
   */
  Failed releasedByClass(Route r) {
    releaseByClass = true;
    if (byClassMemo.size() > MEMO_LIMIT) {
      byClassMemo.clear();
      divergences.clear();
    }
    try {
      Result byClass = walkRoute(r);
      if (byClass instanceof Failed f) return f.inconsistent() ? null : f;
      Walked w = (Walked) byClass;
      for (LockOp op : w.ops()) {
        if (op.kind() != LockOp.Kind.RELEASE) continue;
        Divergence d = null;
        for (Divergence at : divergences.getOrDefault(op.location(), List.of())) {
          if (at.dropped().text().equals(op.text()) && at.dropped().lockClass().equals(op.lockClass())) d = at;
        }
        if (d == null) continue;
        String named = d.named().text() + " (" + d.named().lockClass() + ")";
        return new Failed("the unlock at " + d.location() + " in " + d.function() + " (" + d.api() + ") drops " + named
            + ", the lock it names, as lockdep does; the analysis releases by class and dropped " + d.dropped().text()
            + " (" + d.dropped().lockClass() + ") there, the only way the witness's held lock is still held at its final"
            + " acquisition", false, true);
      }
      return null;
    } finally {
      releaseByClass = false;
      spentByAllWalks += spent;
    }
  }

  private final Map<Route, Result> routes = new HashMap<>();
  private static final int ROUTE_LIMIT = 20_000;

  private Result walkRoute(Route r) {
    this.route = r;
    this.spent = 0;
    if (memo.size() > MEMO_LIMIT) memo.clear();
    if (cut.size() > MEMO_LIMIT) cut.clear();
    this.needsHeld = r.waypoints().stream().anyMatch(w -> w.role() == Route.Role.HELD);
    this.truncated = false;
    this.brokenRoute = null;
    this.unheldFinal = null;
    this.furthest = 0;
    Function entry = view.function(r.entry(), r.entryFile());
    if (entry == null) return new Failed("the witness's entry function " + r.entry() + " is not in the analyzed code", true);
    Frame top = new Frame(entry, List.of(), List.of(), 0, 0, List.of(entry), view.constantBinding(entry));
    WalkState start = WalkState.START;
    Ops ops = Ops.EMPTY;
    // Locks the entry function's callers hold (sparse annotations) are held from the start.
    for (LockAnnotation a : view.annotations(entry)) {
      if (a.kind().equals("acquires")) continue;
      LockName n = nameOnce(new LockRef(a.lock().path(), null, null), top);
      if (n == null) continue;
      LockOp.Held h = new LockOp.Held(n.cls, n.text, Mode.WRITE, Route.Role.NONE);
      start = start.push(h);
      ops = ops.add(LockOp.acquire(h, AcquireStyle.BLOCKING, "__" + a.kind() + " (held by the caller)", entry.name(), a.location(), -1));
    }
    List<Exit> outs = search(top, 0, start, ops);
    for (Exit e : outs) {
      if (e.stopped || r.waypoints().isEmpty()) return new Walked(e.ops.toList(), truncated);
    }
    if (unheldFinal != null) {
      Route.Waypoint w = unheldFinal;
      return new Failed(
          "internal inconsistency: the walk reaches the acquisition at " + w.location() + " in " + w.function()
              + " only without holding the witness's held lock, which the analysis says is held there", true);
    }
    if (brokenRoute != null) return new Failed("internal inconsistency: " + brokenRoute, true);
    if (truncated) {
      return new Failed("the walk of " + r.entry() + " hit its bound (" + bounds.walkItems() + " path states per function, "
          + bounds.walkBudget() + " per thread)", false);
    }
    return new Failed("internal inconsistency: no path of " + r.entry() + " follows the witness" + lostAt(r), true);
  }

  /** Where the walk lost the route: after the last waypoint some path passed, the next one. */
  private String lostAt(Route r) {
    if (furthest >= r.waypoints().size()) return "";
    String next = describe(r.waypoints().get(furthest));
    return furthest == 0 ? " (none reaches " + next + ")"
        : " past " + describe(r.waypoints().get(furthest - 1)) + " (none goes on to " + next + ")";
  }

  private static String describe(Route.Waypoint w) {
    return w.kind() == Route.Kind.CALL
        ? "the call of " + w.callee() + " in " + w.function() + " at " + w.location()
        : "the acquisition of " + w.lock() + " in " + w.function() + " at " + w.location();
  }

  /**
   * A function being walked: its parameters' lock arguments and gfp arguments in the entry's
   * terms, its depth on the route, how many off-route calls deep it is, and the values the
   * analysis bound in its parameters ({@code values}: a lock whose subclass names one of them has
   * that subclass, as in the analysis, ADR-015).
   */
  private static final class Frame {
    final Function fn;
    final List<LockName> locks;
    final List<String> gfp;
    final int depth;
    final int freeDepth;
    final List<Function> stack;
    final List<String> texts;
    final Map<String, Long> values;
    /**
     * The frames of the calls this frame's walk made, by node, callee and free depth: a call node
     * is reached in many path states, and its frame (the arguments' locks, texts and constants in
     * the entry's terms) depends on none of them. Made anew, it was a third of a Linux run's
     * simulation.
     */
    private Map<CalleeKey, Frame> callees;
    /** {@link #argumentsHash()}, once made. */
    private int argumentsHash;
    private boolean argumentsHashed;

    Frame(Function fn, List<LockName> locks, List<String> gfp, int depth, int freeDepth, List<Function> stack, List<String> texts,
        Map<String, Long> values) {
      this.fn = fn;
      this.locks = locks;
      this.gfp = gfp;
      this.depth = depth;
      this.freeDepth = freeDepth;
      this.stack = stack;
      this.texts = texts;
      this.values = values;
    }

    Frame(Function fn, List<LockName> locks, List<String> gfp, int depth, int freeDepth, List<Function> stack, Map<String, Long> values) {
      this(fn, locks, gfp, depth, freeDepth, stack, List.of(), values);
    }

    /** The hash of what an off-route walk of this frame depends on besides the state ({@link OffRouteKey}). */
    int argumentsHash() {
      if (!argumentsHashed) {
        argumentsHash = 31 * (31 * (31 * System.identityHashCode(fn) + freeDepth) + locks.hashCode()) + gfp.hashCode();
        argumentsHashed = true;
      }
      return argumentsHash;
    }
  }

  /** A call of a frame's walk: its node, the callee (by reference) and the free depth of its frame. */
  private record CalleeKey(int node, ByReference<Function> callee, int freeDepth) {}

  /**
   * A lock in the entry's terms; for a frame's argument, also the lock inside the lock wrapper it
   * points to ({@code wrapper}), as the analysis names it ({@code LockClassResolver.resolveParam}):
   * null when the argument names no embedding (the callee's wrapper type names it), {@link
   * #UNNAMED} for the entry's own parameter passed on, which nothing names.
   */
  private record LockName(LockClass cls, String text, LockClass wrapper) {}

  private static final LockClass UNNAMED = new LockClass("<the entry's parameter>", "");

  /** Where a frame's walk ended: at its exit, or stopped at the route's final acquisition. */
  private record Exit(WalkState state, Ops ops, int wp, boolean stopped) {}

  private record Item(int node, int wp, WalkState state, Ops ops) {}

  /** One distinct operation of a path, for {@link Ops#signature}. */
  private record OpSignature(LockOp.Kind kind, LockClass lockClass, String text) {}

  /**
   * What merges two path states in one function's walk: the node, the route position, the state's
   * identity and, when paths are kept apart, the operations' signature (else null).
   */
  private record Seen(int node, int wp, Object state, List<OpSignature> ops) {}

  /** An off-route call's memo key: the callee itself (by reference) and everything its walk depends on. */
  private static final class OffRouteKey {
    private final boolean distinctPaths;
    private final Function fn;
    private final List<LockName> locks;
    private final List<String> gfp;
    private final int freeDepth;
    private final Object state;
    private final int hash;

    /**
     * The callee (by reference), its arguments' locks and gfp texts, its free depth, and the state;
     * not the frame itself, which holds the frames of its own calls.
     */
    OffRouteKey(boolean distinctPaths, Frame frame, Object state) {
      this.distinctPaths = distinctPaths;
      this.fn = frame.fn;
      this.locks = frame.locks;
      this.gfp = frame.gfp;
      this.freeDepth = frame.freeDepth;
      this.state = state;
      this.hash = 31 * (31 * frame.argumentsHash() + (distinctPaths ? 1 : 0)) + state.hashCode();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OffRouteKey k && k.hash == hash && k.distinctPaths == distinctPaths && k.fn == fn
          && k.freeDepth == freeDepth && k.locks.equals(locks) && k.gfp.equals(gfp) && k.state.equals(state);
    }
  }

  /** Operations so far, shared between paths (a persistent list, newest first). */
  private record Ops(LockOp head, Ops tail, int size) {
    static final Ops EMPTY = new Ops(null, null, 0);

    Ops add(LockOp op) {
      return new Ops(op, this, size + 1);
    }

    Ops addAll(List<LockOp> ops) {
      Ops o = this;
      for (LockOp op : ops) o = o.add(op);
      return o;
    }

    /**
     * Tells apart operation sequences by the order in which each distinct operation first happens:
     * "a then b" differs from "b then a", but another turn of a loop doing the same adds nothing.
     */
    List<OpSignature> signature() {
      java.util.LinkedHashSet<OpSignature> first = new java.util.LinkedHashSet<>();
      for (LockOp op : toList()) first.add(new OpSignature(op.kind(), op.lockClass(), op.text()));
      return List.copyOf(first);
    }

    List<LockOp> toList() {
      LockOp[] out = new LockOp[size];
      Ops o = this;
      for (int i = size - 1; i >= 0; i--, o = o.tail) out[i] = o.head;
      return List.of(out);
    }
  }

  private boolean onRoute(Frame f) {
    return f.freeDepth == 0;
  }

  private Route.Waypoint next(Frame f, int wp) {
    if (!onRoute(f) || wp >= route.waypoints().size()) return null;
    Route.Waypoint w = route.waypoints().get(wp);
    return w.depth() == f.depth ? w : null;
  }

  /**
   * Walks {@code f} from its entry. On the route: returns the first stop, or else every distinct way
   * of returning with this frame's waypoints done. Off the route: every distinct exit state.
   */
  private List<Exit> search(Frame f, int wp0, WalkState s0, Ops ops0) {
    return search(f, wp0, s0, ops0, onRoute(f) ? bounds.walkItems() : bounds.offRouteItems());
  }

  private List<Exit> search(Frame f, int wp0, WalkState s0, Ops ops0, int cap) {
    int wp = wp0;
    WalkState s = s0;
    Ops ops = ops0;
    // A held lock named by this function's annotation (no CFG node of its own).
    Route.Waypoint w = next(f, wp);
    while (w != null && w.kind() == Route.Kind.EVENT && annotationAt(f, w.location()) != null) {
      LockName n = nameOnce(new LockRef(annotationAt(f, w.location()).lock().path(), null, null), f);
      if (n == null) break;
      int i = s.find(n.cls, n.text);
      LockOp.Held h = new LockOp.Held(n.cls, n.text, Mode.WRITE, w.role());
      if (i >= 0) {
        LockOp.Held was = s.held().get(i);
        LockOp.Held tagged = new LockOp.Held(was.lockClass(), was.text(), was.mode(), w.role());
        s = s.replace(i, tagged);
        ops = ops.add(LockOp.mark(tagged, f.fn.name(), w.location(), w.stepIndex()));
      } else {
        s = s.push(h);
        ops = ops.add(LockOp.acquire(h, AcquireStyle.BLOCKING, "held by the caller (annotation)", f.fn.name(), w.location(), w.stepIndex()));
      }
      wp++;
      w = next(f, wp);
    }
    Cfg cfg = f.fn.cfg();
    ArrayDeque<Item> queue = new ArrayDeque<>();
    Set<Seen> seen = new HashSet<>();
    Map<Seen, Exit> exits = new LinkedHashMap<>();
    queue.add(new Item(Cfg.ENTRY, wp, s, ops));
    seen.add(new Seen(Cfg.ENTRY, wp, s.identity(), distinctPaths ? ops.signature() : null));
    int items = 0;
    while (!queue.isEmpty()) {
      if (++items > cap || ++spent > bounds.walkBudget()) {
        if (!onRoute(f) && spent <= bounds.walkBudget()) return null; // the caller treats the call as a no-op
        truncated = true;
        break;
      }
      Item it = queue.poll();
      if (it.wp > furthest && onRoute(f)) furthest = it.wp;
      if (it.node == Cfg.EXIT) {
        Route.Waypoint left = next(f, it.wp);
        boolean done = left == null && (!onRoute(f) || f.depth > 0 || it.wp >= route.waypoints().size());
        if (done && exits.size() < bounds.exitsPerCall()) {
          Seen key = new Seen(Cfg.EXIT, it.wp, it.state.identity(), distinctPaths ? it.ops.signature() : null);
          exits.putIfAbsent(key, new Exit(it.state.withResult(-1, null), it.ops, it.wp, false));
        }
        continue;
      }
      for (Item nextItem : step(f, cfg.node(it.node), it)) {
        if (nextItem.node < 0) return List.of(new Exit(nextItem.state, nextItem.ops, nextItem.wp, true));
        Seen key = new Seen(nextItem.node, nextItem.wp, nextItem.state.identity(), distinctPaths ? nextItem.ops.signature() : null);
        if (seen.add(key)) queue.add(nextItem);
      }
    }
    return new ArrayList<>(exits.values());
  }

  private LockAnnotation annotationAt(Frame f, Location at) {
    for (LockAnnotation a : view.annotations(f.fn)) {
      if (!a.kind().equals("acquires") && a.location().equals(at)) return a;
    }
    return null;
  }

  /** The items after node {@code n}; an item with node -1 is a stop at the final acquisition. */
  private List<Item> step(Frame f, Node n, Item it) {
    Event e = n.event();
    WalkState s = it.state;
    if (e == null) return branch(f, n, it);
    if (e instanceof Event.Acquire a) return acquire(f, n, a, it);
    if (e instanceof Event.Release r) {
      LockName name = name(r.lock(), f);
      Ops ops = it.ops;
      if (name != null) {
        int i = releaseByClass ? s.find(name.cls, name.text) : findNamed(s, name, f);
        if (releaseByClass) {
          int byClass = s.findByClass(name.cls);
          // Only where the texts tell the two apart: a helper's parameter lock keeps the helper's
          // text, so two objects locked through one helper read the same.
          if (byClass >= 0 && i >= 0 && byClass != i && !s.held().get(i).text().equals(s.held().get(byClass).text())) {
            Divergence d = new Divergence(f.fn.name(), r.location(), r.api(), s.held().get(i), s.held().get(byClass));
            List<Divergence> at = divergences.computeIfAbsent(r.location(), k -> new ArrayList<>(1));
            if (!at.contains(d)) at.add(d);
            i = byClass;
          }
        }
        if (i < 0) i = s.findLatest(view.assignedClasses(r.lock(), f.fn));
        if (i >= 0) {
          ops = ops.add(LockOp.release(s.held().get(i), r.api(), f.fn.name(), r.location()));
          s = s.remove(i);
        }
      }
      if (r.irqs() != null) {
        s = s.irqs(r.irqs(), -1);
        ops = ops.add(LockOp.irqs(r.irqs(), s.irqsOn(r.irqs()), r.api(), f.fn.name(), r.location()));
        Route.Waypoint w = eventWaypoint(f, it.wp, r.location());
        if (w != null) return enablesWhileHolding(w, s, ops, it.wp + 1);
      }
      return successors(n, it.wp, s, ops);
    }
    if (e instanceof Event.AssertHeld a) return assertHeld(f, n, a, it);
    if (e instanceof Event.FaultScope fs) return successors(n, it.wp, s.faults(fs.enter() ? 1 : -1), it.ops);
    if (e instanceof Event.ReclaimScope rs) return successors(n, it.wp, s.reclaim(rs.enter() ? 1 : -1), it.ops);
    if (e instanceof Event.IrqScope q) {
      WalkState after = s.irqs(q.level(), q.enter() ? 1 : -1);
      Ops ops = it.ops.add(LockOp.irqs(q.level(), after.irqsOn(q.level()), q.api(), f.fn.name(), q.location()));
      Route.Waypoint w = eventWaypoint(f, it.wp, q.location());
      if (w != null) return enablesWhileHolding(w, after, ops, it.wp + 1);
      return successors(n, it.wp, after, ops);
    }
    if (e instanceof Event.MayReclaim r) return mayReclaim(f, n, r, it);
    if (e instanceof Event.Return r) {
      // The thread's held locks, whichever frame took them: a name that only a caller's lock shares
      // is a rare coincidence, and it only narrows which branch the caller walks.
      List<String> locked = new ArrayList<>(s.held().size());
      for (LockOp.Held h : s.held()) locked.add(h.text());
      return successors(n, it.wp, s.withReturning(view.returnsNonzero(r.value(), locked)), it.ops);
    }
    if (e instanceof Event.MayFault && s.faultsOff() > 0) return successors(n, it.wp, s, it.ops);
    if (e instanceof Event.Call || e instanceof Event.IndirectCall || e instanceof Event.MayFault) return call(f, n, it);
    return successors(n, it.wp, s, it.ops); // spawn, irq handler registration, set-class, assign: no lock operation here
  }

  private static List<Item> successors(Node n, int wp, WalkState s, Ops ops) {
    List<Item> out = new ArrayList<>(n.successors().size());
    for (int succ : n.successors()) out.add(new Item(succ, wp, s, ops));
    return out;
  }

  private List<Item> branch(Frame f, Node n, Item it) {
    WalkState s = it.state;
    if (n.test() != null && n.successors().size() == 2) {
      int call = n.test().callNode();
      boolean trueNonzero = n.test().trueWhenNonzero();
      if (n.test().error()) {
        // IS_ERR(result): a NULL result is no error pointer; a non-zero one may be either.
        if (s.resultNode() == call && Boolean.FALSE.equals(s.resultNonzero())) {
          return List.of(new Item(n.successors().get(trueNonzero ? 1 : 0), it.wp, s.withResult(-1, null), it.ops));
        }
        return successors(n, it.wp, s, it.ops);
      }
      if (s.pending() != null && s.pending().node() == call) {
        WalkState.Pending p = s.pending();
        WalkState cleared = s.withPending(null);
        boolean successWhenNonzero = p.style().heldWhenNonzero();
        boolean trueIsSuccess = trueNonzero == successWhenNonzero;
        WalkState held = cleared.push(p.lock());
        Ops took = it.ops.add(LockOp.acquire(p.lock(), p.style(), p.api(), p.function(), p.at(), p.stepIndex()));
        List<Item> out = new ArrayList<>();
        out.add(new Item(n.successors().get(0), it.wp, trueIsSuccess ? held : cleared, trueIsSuccess ? took : it.ops));
        out.add(new Item(n.successors().get(1), it.wp, trueIsSuccess ? cleared : held, trueIsSuccess ? it.ops : took));
        return out;
      }
      if (n.test().negative() && s.resultNode() == call && s.resultNonzero() != null) {
        // 'ret < 0' as the analysis reads it: a zero result takes the other edge, a non-zero one
        // either, and the result stays known for the next test.
        if (s.resultNonzero()) return successors(n, it.wp, s, it.ops);
        return List.of(new Item(n.successors().get(trueNonzero ? 1 : 0), it.wp, s, it.ops));
      }
      if (s.resultNode() == call && s.resultNonzero() != null) {
        WalkState cleared = s.withResult(-1, null);
        boolean nz = s.resultNonzero();
        return List.of(new Item(n.successors().get(nz == trueNonzero ? 0 : 1), it.wp, cleared, it.ops));
      }
    }
    return successors(n, it.wp, s, it.ops);
  }

  private List<Item> acquire(Frame f, Node n, Event.Acquire a, Item it) {
    LockName name = name(a.lock(), f);
    WalkState s = it.state;
    Ops ops = it.ops;
    if (a.irqs() != null) {
      s = s.irqs(a.irqs(), 1);
      ops = ops.add(LockOp.irqs(a.irqs(), false, a.api(), f.fn.name(), a.location()));
    }
    Route.Waypoint w = eventWaypoint(f, it.wp, a.location());
    int wp = w == null ? it.wp : it.wp + 1;
    if (name == null) return w == null ? successors(n, wp, s, ops) : List.of(); // the route's lock must resolve
    Mode mode = view.lockerMode(f.fn, a);
    Route.Role role = w == null ? Route.Role.NONE : w.role();
    LockOp.Held h = new LockOp.Held(name.cls, name.text, mode, role);
    int step = w == null ? -1 : w.stepIndex();
    if (a.style() == AcquireStyle.ITERATOR) {
      // An iterator drops what its last call left held before it takes the next one.
      int i = s.find(name.cls, name.text);
      if (i >= 0) {
        ops = ops.add(LockOp.release(s.held().get(i), a.api(), f.fn.name(), a.location()));
        s = s.remove(i);
      }
    }
    if (role == Route.Role.FINAL) return finalAcquire(w, s, ops.add(LockOp.acquire(h, a.style(), a.api(), f.fn.name(), a.location(), step)), wp);
    if (a.style() == AcquireStyle.MOMENTARY) {
      ops = ops.add(LockOp.acquire(h, a.style(), a.api(), f.fn.name(), a.location(), step));
      return successors(n, wp, s, ops.add(LockOp.release(h, a.api(), f.fn.name(), a.location())));
    }
    if (a.style() != AcquireStyle.BLOCKING && testedCalls(f.fn).contains(n.id())) {
      return successors(n, wp, s.withPending(new WalkState.Pending(n.id(), h, a.style(), a.api(), f.fn.name(), a.location(), step)), ops);
    }
    return successors(n, wp, s.push(h), ops.add(LockOp.acquire(h, a.style(), a.api(), f.fn.name(), a.location(), step)));
  }

  /**
   * An interrupt usage found where interrupts are enabled again while a lock is held: the thread
   * stops there holding it, marked as its final lock.
   */
  private List<Item> enablesWhileHolding(Route.Waypoint w, WalkState s, Ops ops, int wp) {
    for (LockOp.Held h : s.held()) {
      if (!h.lockClass().toString().equals(w.lock())) continue;
      LockOp.Held tagged = new LockOp.Held(h.lockClass(), h.text(), h.mode(), w.role());
      return finalAcquire(w, s, ops.add(LockOp.mark(tagged, w.function(), w.location(), w.stepIndex())), wp);
    }
    if (brokenRoute == null) brokenRoute = "interrupts are enabled at " + w.location() + " without " + w.lock() + " held";
    return List.of();
  }

  /** The final acquisition: a stop if the held lock is still held, else a dead end worth reporting. */
  private List<Item> finalAcquire(Route.Waypoint w, WalkState s, Ops ops, int wp) {
    if (needsHeld && !s.holdsRole(Route.Role.HELD)) {
      if (unheldFinal == null) unheldFinal = w;
      return List.of();
    }
    return List.of(new Item(-1, wp, s, ops));
  }

  private List<Item> assertHeld(Frame f, Node n, Event.AssertHeld a, Item it) {
    LockName name = name(a.lock(), f);
    Route.Waypoint w = eventWaypoint(f, it.wp, a.location());
    int wp = w == null ? it.wp : it.wp + 1;
    if (name == null) return w == null ? successors(n, wp, it.state, it.ops) : List.of();
    WalkState s = it.state;
    Ops ops = it.ops;
    Route.Role role = w == null ? Route.Role.NONE : w.role();
    int i = s.find(name.cls, name.text);
    LockOp.Held h = i >= 0 ? s.held().get(i) : new LockOp.Held(name.cls, name.text, a.mode(), role);
    if (role == Route.Role.FINAL) {
      return finalAcquire(w, s, ops.add(LockOp.acquire(h, AcquireStyle.BLOCKING, a.api(), f.fn.name(), a.location(), w.stepIndex())), wp);
    }
    if (i >= 0) {
      if (role != Route.Role.NONE) {
        LockOp.Held tagged = new LockOp.Held(h.lockClass(), h.text(), h.mode(), role);
        s = s.replace(i, tagged);
        ops = ops.add(LockOp.mark(tagged, f.fn.name(), a.location(), w.stepIndex()));
      }
    } else {
      s = s.push(h);
      ops = ops.add(LockOp.acquire(h, AcquireStyle.BLOCKING, a.api() + " (taken by a caller outside the witness)", f.fn.name(), a.location(), w == null ? -1 : w.stepIndex()));
    }
    return successors(n, wp, s, ops);
  }

  private List<Item> mayReclaim(Frame f, Node n, Event.MayReclaim r, Item it) {
    LockClass reclaim = view.reclaimClass();
    Route.Waypoint w = eventWaypoint(f, it.wp, r.location());
    int wp = w == null ? it.wp : it.wp + 1;
    boolean reclaims = reclaim != null && it.state.reclaimOff() == 0
        && (r.gfpParam() < 0 || Boolean.TRUE.equals(gfpReclaims(f, r.gfpParam())));
    if (!reclaims) return w == null ? successors(n, wp, it.state, it.ops) : List.of();
    Route.Role role = w == null ? Route.Role.NONE : w.role();
    LockOp.Held h = new LockOp.Held(reclaim, reclaim.name(), view.reclaimMode(), role);
    Ops ops = it.ops.add(LockOp.acquire(h, AcquireStyle.MOMENTARY, r.api(), f.fn.name(), r.location(), w == null ? -1 : w.stepIndex()));
    if (role == Route.Role.FINAL) return finalAcquire(w, it.state, ops, wp);
    return successors(n, wp, it.state, ops.add(LockOp.release(h, r.api(), f.fn.name(), r.location())));
  }

  private Boolean gfpReclaims(Frame f, int param) {
    return param < f.gfp.size() && f.gfp.get(param) != null ? view.gfpReclaims(f.gfp.get(param)) : null;
  }

  private Route.Waypoint eventWaypoint(Frame f, int wp, Location at) {
    Route.Waypoint w = next(f, wp);
    return w != null && w.kind() == Route.Kind.EVENT && w.location().equals(at) ? w : null;
  }

  private List<Item> call(Frame f, Node n, Item it) {
    List<ProgramView.Callee> callees = view.callees(f.fn, n.id());
    Route.Waypoint w = next(f, it.wp);
    boolean testedCall = testedCalls(f.fn).contains(n.id());
    if (w != null && w.kind() == Route.Kind.CALL && w.location().equals(n.event().location())) {
      ProgramView.Callee target = null;
      for (ProgramView.Callee c : callees) if (c.function().name().equals(w.callee())) target = c;
      if (target != null) {
        Frame inner = frame(f, n, target.function(), f.depth + 1, 0);
        List<Item> out = new ArrayList<>();
        for (Exit x : search(inner, it.wp + 1, it.state, it.ops)) {
          if (x.stopped) return List.of(new Item(-1, x.wp, x.state, x.ops));
          WalkState after = testedCall ? x.state.withResult(n.id(), x.state.returning()) : x.state;
          out.addAll(successors(n, x.wp, after.withReturning(it.state.returning()), x.ops));
        }
        return out;
      }
      // None of that name: another call at the same position may be the one
      // (`ADFS_SB(sb)->s_dir->read(...)`: the accessor's call, then the method's), so this one is
      // walked as any other call. Should none be, the walk says it got no further than here.
    }
    if (callees.isEmpty()) return successors(n, it.wp, it.state, it.ops);
    List<Item> out = new ArrayList<>();
    Set<Object> distinct = new HashSet<>();
    for (ProgramView.Callee c : callees) {
      if (onStack(f, c.function()) || f.freeDepth >= bounds.callDepth()) {
        if (f.freeDepth >= bounds.callDepth()) truncated = true;
        if (distinct.add(it.state.identity())) out.addAll(successors(n, it.wp, it.state, it.ops));
        continue;
      }
      Frame inner = frame(f, n, c.function(), f.depth + 1, f.freeDepth + 1);
      for (Exit x : offRoute(inner, it.state)) {
        WalkState after = (testedCall ? x.state.withResult(n.id(), x.state.returning()) : x.state).withReturning(it.state.returning());
        Object key = distinctPaths ? List.of(after.identity(), x.ops.signature()) : after.identity();
        if (distinct.size() >= bounds.exitsPerCall() || !distinct.add(key)) continue;
        out.addAll(successors(n, it.wp, after, it.ops.addAll(x.ops.toList())));
      }
    }
    return out;
  }

  /** Whether {@code fn} is being walked already (by reference: Function's equality compares CFGs). */
  private static boolean onStack(Frame f, Function fn) {
    for (Function g : f.stack) if (g == fn) return true;
    return false;
  }

  /** Every way an off-route call can return, with its operations alone; memoized. */
  private List<Exit> offRoute(Frame f, WalkState s) {
    if (releaseByClass) {
      List<Object> key = List.of(new ByReference<>(f.fn), f.locks, f.gfp, f.texts, f.freeDepth, s.identity());
      List<Exit> hit = byClassMemo.get(key);
      if (hit != null) return hit;
      List<Exit> out = search(f, route.waypoints().size(), s.withReturning(null), Ops.EMPTY);
      if (out == null) return passedOver(s);
      if (spent <= bounds.walkBudget()) byClassMemo.put(key, out);
      return out;
    }
    OffRouteKey key = new OffRouteKey(distinctPaths, f, s.identity());
    List<Exit> hit = memo.get(key);
    if (hit != null) return hit;
    int left = bounds.walkBudget() - spent;
    Integer cutWith = cut.get(key);
    if (cutWith != null && left <= cutWith) return passedOver(s); // it would be cut again
    List<Exit> out = search(f, route.waypoints().size(), s.withReturning(null), Ops.EMPTY);
    if (out == null) {
      out = passedOver(s);
    } else if (spent > bounds.walkBudget()) {
      // This walk's budget ran out inside the call: its exits are those found before, maybe
      // none. Not what the call does, so not kept; a later walk with more budget left searches
      // again, one with no more passes over it as over too many paths.
      cut.put(key, left);
      return out;
    }
    memo.put(key, out);
    return out;
  }

  /**
   * Too many paths below a call to follow: taken as returning with nothing changed (most kernel
   * callees release what they take), and the walk is marked approximate.
   */
  private List<Exit> passedOver(WalkState s) {
    truncated = true;
    return List.of(new Exit(s, Ops.EMPTY, route.waypoints().size(), false));
  }

  private Frame frame(Frame caller, Node n, Function callee, int depth, int freeDepth) {
    CalleeKey key = new CalleeKey(n.id(), new ByReference<>(callee), freeDepth);
    if (caller.callees == null) caller.callees = new HashMap<>();
    Frame known = caller.callees.get(key);
    if (known != null) return known;
    Frame made = newFrame(caller, n, callee, depth, freeDepth);
    caller.callees.put(key, made);
    return made;
  }

  private Frame newFrame(Frame caller, Node n, Function callee, int depth, int freeDepth) {
    List<Arg> args = List.of();
    if (n.event() instanceof Event.Call c) args = c.args();
    if (n.event() instanceof Event.IndirectCall c) args = c.args();
    List<LockName> locks = new ArrayList<>();
    List<String> gfp = new ArrayList<>();
    for (int i = 0; i < callee.params().size(); i++) {
      Arg a = i < args.size() ? args.get(i) : null;
      locks.add(a == null ? null : argument(a, caller));
      gfp.add(a == null ? null : gfpText(a.text(), caller));
    }
    List<Function> stack = new ArrayList<>(caller.stack);
    stack.add(callee);
    Map<String, Long> values = view.boundForCall(caller.fn, callee, args, caller.values);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < callee.params().size(); i++) texts.add(i < args.size() ? inCallerTerms(args.get(i).text(), caller) : null);
    return new Frame(callee, locks, gfp, depth, freeDepth, stack, texts, values);
  }

  private LockName argument(Arg a, Frame caller) {
    ArgumentNames names = argumentNames(a, caller.fn);
    ProgramView.LockName n = names.lock();
    LockName plain = n == null ? null : concrete(n, caller);
    ProgramView.LockName w = names.wrapper();
    LockClass wrapper = null;
    if (w != null && w.param() < 0) {
      wrapper = w.lockClass();
    } else if (w != null) {
      LockName up = w.param() < caller.locks.size() ? caller.locks.get(w.param()) : null;
      wrapper = w.param() >= caller.locks.size() ? UNNAMED : up == null ? null : up.wrapper;
    }
    if (plain == null && wrapper == null) return null;
    return new LockName(plain == null ? null : plain.cls, plain == null ? a.text() : plain.text, wrapper);
  }

  /** What an argument names in its function's own terms: the lock it points to, and the lock inside a wrapper it points to. */
  private record ArgumentNames(ProgramView.LockName lock, ProgramView.LockName wrapper) {}

  /**
   * {@link ArgumentNames} by function and argument (both by reference): what the class resolver
   * says of an argument does not depend on the frame, and the walks of a run meet the same calls
   * again and again.
   */
  private final Map<Function, Map<Arg, ArgumentNames>> argumentNames = new IdentityHashMap<>();

  private ArgumentNames argumentNames(Arg a, Function fn) {
    Map<Arg, ArgumentNames> byArg = argumentNames.computeIfAbsent(fn, k -> new IdentityHashMap<>());
    ArgumentNames known = byArg.get(a);
    if (known == null) {
      known = new ArgumentNames(view.resolveArg(a, "", fn), view.wrapperArg(a, fn));
      byArg.put(a, known);
    }
    return known;
  }

  /** {@link ProgramView#resolve} by function and lock reference (both by reference), for the same reason; NONE for null. */
  private final Map<Function, Map<LockRef, ProgramView.LockName>> resolvedRefs = new IdentityHashMap<>();

  private static final ProgramView.LockName NONE = new ProgramView.LockName(null, -1, "", "", null);

  private ProgramView.LockName resolved(LockRef ref, Function fn) {
    Map<LockRef, ProgramView.LockName> byRef = resolvedRefs.computeIfAbsent(fn, k -> new IdentityHashMap<>());
    ProgramView.LockName known = byRef.get(ref);
    if (known == null) {
      known = java.util.Objects.requireNonNullElse(view.resolve(ref, fn), NONE);
      byRef.put(ref, known);
    }
    return known == NONE ? null : known;
  }

  /** A gfp argument in the entry's terms: a caller's gfp parameter is replaced by what was passed. */
  private String gfpText(String text, Frame caller) {
    String lead = ProgramView.gfpLeadingName(text);
    List<Param> ps = caller.fn.params();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).name().equals(lead) && i < caller.gfp.size() && caller.gfp.get(i) != null) return caller.gfp.get(i);
    }
    return text;
  }

  private LockName name(LockRef ref, Frame f) {
    return name(resolved(ref, f.fn), f);
  }

  /** {@link #name(LockRef, Frame)} for a reference made for the occasion, which no cache would meet again. */
  private LockName nameOnce(LockRef ref, Frame f) {
    return name(view.resolve(ref, f.fn), f);
  }

  private LockName name(ProgramView.LockName n, Frame f) {
    LockName out = n == null ? null : concrete(n, f);
    // Walking by class, a lock reached through a parameter is written with the argument
    // (&dst_zspage->lock, not the helper's &zspage->lock), so two objects locked through one
    // helper read differently where the two release rules are compared.
    if (out == null || !releaseByClass || n.param() >= 0) return out;
    return new LockName(out.cls, inCallerTerms(out.text, f), out.wrapper);
  }

  /**
   * The held lock an unlock names: by its text, then by its text in the entry's terms (a helper's
   * {@code mutex_unlock(&pipe->mutex)} called as {@code pipe_unlock(ipipe)} drops {@code
   * &ipipe->mutex}, as lockdep drops the lock the unlock names, and as the analysis releases by
   * argument: AnalysisContext.releaseParams), then by class, the latest.
   */
  private static int findNamed(WalkState s, LockName name, Frame f) {
    int i = s.findByText(name.cls, name.text);
    if (i >= 0) return i;
    String entryTerms = inCallerTerms(name.text, f);
    if (!entryTerms.equals(name.text)) i = s.findByText(name.cls, entryTerms);
    return i >= 0 ? i : s.findByClass(name.cls);
  }

  /** {@code text} with a leading parameter of {@code f} replaced by the text its caller passed (in the entry's terms). */
  private static String inCallerTerms(String text, Frame f) {
    java.util.regex.Matcher m = LEADING_NAME.matcher(text);
    if (!m.matches()) return text;
    List<Param> ps = f.fn.params();
    for (int i = 0; i < ps.size() && i < f.texts.size(); i++) {
      if (!ps.get(i).name().equals(m.group(2)) || f.texts.get(i) == null) continue;
      String arg = f.texts.get(i).replace(" ", "");
      return m.group(1) + (SIMPLE_PATH.matcher(arg).matches() ? arg : "(" + arg + ")") + m.group(3);
    }
    return text;
  }

  private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("([&*(\\s]*)([A-Za-z_]\\w*)(.*)", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern SIMPLE_PATH = java.util.regex.Pattern.compile("[A-Za-z_]\\w*((->|\\.)[A-Za-z_]\\w*)*");

  /**
   * A parameter lock becomes what the caller passed; its subclass still applies. The lock inside
   * a wrapper the parameter points to is what the argument embeds, else the wrapper type's.
   */
  private LockName concrete(ProgramView.LockName n, Frame f) {
    Long bound = n.subclass().isEmpty() || f.values.isEmpty() ? null : view.subclassValue(n.subclass(), f.fn, f.values);
    if (bound != null) n = n.withSubclass(Long.toString(bound));
    if (n.param() < 0) return new LockName(n.lockClass(), n.instance(), null);
    LockName passed = n.param() < f.locks.size() ? f.locks.get(n.param()) : null;
    if (n.wrapped() != null) {
      if (passed != null && passed.wrapper == UNNAMED) return null;
      if (passed == null && n.param() >= f.locks.size()) return null; // the entry's own parameter
      LockClass base = passed != null && passed.wrapper != null ? passed.wrapper : new LockClass(n.wrapped(), "");
      return new LockName(n.subclass().isEmpty() ? base : new LockClass(base.name(), n.subclass()),
          passed != null ? passed.text : n.instance(), null);
    }
    if (passed == null) return null; // the entry's own parameter, or an argument that names no lock
    LockClass base = passed.cls;
    if (base == null) return null;
    LockClass cls = n.subclass().isEmpty() ? base : new LockClass(base.name(), n.subclass());
    return new LockName(cls, passed.text, null);
  }

  private Set<Integer> testedCalls(Function fn) {
    return tested.computeIfAbsent(fn, k -> {
      Set<Integer> out = new HashSet<>();
      for (Node n : k.cfg().nodes()) if (n.test() != null) out.add(n.test().callNode());
      return out;
    });
  }
}
