package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Mode;

/**
 * The analyzed program as the simulator reads it: functions, resolved call targets, lock-class
 * naming and the lock model's judgements. Deliberately no summaries and no edges: the simulator
 * re-derives each thread's lock operations from the IR, so that it checks the analysis instead of
 * repeating it.
 */
public final class ProgramView {
  private final Program program;
  private final CallGraph graph;
  private final LockClassResolver resolver;
  private final org.lockorder.model.ReclaimModel reclaim;
  private final LockClass reclaimClass;
  private final Mode reclaimMode;
  private final Map<String, List<Function>> byName = new HashMap<>();
  private final Map<Function, Integer> indexes;
  private final int[] components;
  private final ConstantArguments constants;

  /** Keeps what it needs of {@code ctx}, not the context itself, whose summaries can be freed. */
  ProgramView(AnalysisContext ctx) {
    this.reclaim = ctx.reclaimModel();
    this.reclaimClass = ctx.reclaimClass();
    this.reclaimMode = ctx.reclaimMode();
    this.program = ctx.program();
    this.graph = ctx.callGraph();
    this.resolver = ctx.resolver();
    this.indexes = ctx.indexes();
    this.components = ctx.components();
    this.constants = ctx.constantArguments();
    for (Function f : graph.functions()) byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
  }

  /** A function a call may reach, and how the call was resolved (null for a direct call). */
  public record Callee(Function function, String via) {}

  /**
   * A lock expression named as lockdep would: its class, or (param &gt;= 0) "whatever the caller
   * passes as argument {@code param}", refined by {@code subclass}; {@code instance} is the text.
   *
   * @param wrapped for a parameter that points to a lock wrapper, the class its lock has when the
   *     caller's argument names no embedding ({@code LockKey.OfParam#wrapped}); else null
   */
  public record LockName(LockClass lockClass, int param, String subclass, String instance, String wrapped) {
    /** This name with another subclass: a bound parameter's value for the one it named (ADR-015). */
    public LockName withSubclass(String value) {
      String sub = value.equals("0") ? "" : value; // subclass 0 is the class itself (LockClass)
      return new LockName(lockClass == null ? null : new LockClass(lockClass.name(), sub), param, sub, instance, wrapped);
    }
  }

  /** Every function, synthetic ones (the page-fault handler, reclaim, stand-ins) included. */
  public List<Function> functions() {
    return graph.functions();
  }

  /** The function called {@code name}, preferring the one defined in {@code file}; or null. */
  public Function function(String name, String file) {
    List<Function> fs = byName.getOrDefault(name, List.of());
    for (Function f : fs) if (f.location().file().equals(file)) return f;
    return fs.isEmpty() ? null : fs.get(0);
  }

  public List<Callee> callees(Function f, int node) {
    List<Callee> out = new ArrayList<>();
    for (CallTarget t : graph.targets(f, node)) out.add(new Callee(t.function(), t.via()));
    return out;
  }

  public LockName resolve(LockRef ref, Function fn) {
    return name(resolver.resolve(ref, fn));
  }

  /**
   * The classes a local lock pointer's assignments give it, when there are two or more (the
   * analysis' {@code LockClassResolver.assignedKeys}): an unlock through it whose first class is
   * not held releases the latest held one of these.
   */
  public List<LockClass> assignedClasses(LockRef ref, Function fn) {
    List<LockClass> out = new java.util.ArrayList<>();
    for (LockKey k : resolver.assignedKeys(ref, fn)) if (k instanceof LockKey.OfClass c) out.add(c.lockClass());
    return out;
  }

  /** An argument passed where a callee expects a lock, in the caller {@code fn}'s terms. */
  public LockName resolveArg(Arg arg, String subclass, Function fn) {
    return name(resolver.resolveArg(arg, subclass, fn));
  }

  /**
   * The lock inside the lock wrapper {@code arg} points to, in the caller {@code fn}'s terms, when
   * the argument names what embeds the wrapper or passes on a parameter; else null (the callee's
   * wrapper type names it).
   */
  public LockName wrapperArg(Arg arg, Function fn) {
    LockKey k = resolver.wrapperArg(arg, "", fn);
    return k == null ? null : name(new LockClassResolver.Resolved(k, arg.path().text()));
  }

  private static LockName name(LockClassResolver.Resolved r) {
    if (r == null) return null;
    if (r.key() instanceof LockKey.OfClass c) return new LockName(c.lockClass(), -1, c.lockClass().subclass(), r.instance(), null);
    LockKey.OfParam p = (LockKey.OfParam) r.key();
    return new LockName(null, p.index(), p.subclass(), r.instance(), p.wrapped());
  }

  /**
   * The values the analysis has bound in {@code callee}'s parameters for a call from {@code
   * caller} with {@code args}, where {@code caller}'s own are {@code callerBound} (ADR-007,
   * ADR-015): a lock whose subclass names one of them is named with its value.
   */
  public Map<String, Long> boundForCall(Function caller, Function callee, List<Arg> args, Map<String, Long> callerBound) {
    // As the analysis binds them: a constant copy's own values, and for a callee in an earlier
    // component (AnalysisContext#specialisedSummary) the known values of the parameters it
    // decides by, the caller's own bound values passed on.
    Map<String, Long> out = graph.constantBinding(callee);
    Integer c = indexes.get(callee);
    Integer f = indexes.get(caller);
    if (c == null || f == null || components[c] >= components[f] || !constants.branchesOnParameters(c)) return out;
    Map<String, Long> enums = program.namedConstants(caller, constants.constants());
    Map<String, Long> values = new java.util.TreeMap<>(out);
    for (int i = 0; i < args.size() && i < callee.params().size() && i < Long.SIZE; i++) {
      String name = callee.params().get(i).name();
      if (name.isEmpty() || !constants.decides(c, i)) continue;
      Long v = ConstantArguments.valueOf(args.get(i), callerBound, constants.constants(), enums);
      if (v != null) values.put(name, v);
    }
    return values;
  }

  /**
   * The subclass {@code text} (an acquisition's, as written) has in {@code fn} where its
   * parameters have the values {@code bound}, as the analysis reads it (ADR-015); null when it
   * reads none of them or is not known.
   */
  public Long subclassValue(String text, Function fn, Map<String, Long> bound) {
    if (bound.isEmpty()) return null;
    return ConstantArguments.subclassValue(text, fn, bound, constants.constants(), program.namedConstants(fn, constants.constants()));
  }

  /** The values a constant copy of a function is analyzed with (ADR-007 later); empty for others. */
  public Map<String, Long> constantBinding(Function f) {
    return graph.constantBinding(f);
  }

  /** A class with a single instance in the whole program (a global lock): holding it serializes. */
  public boolean singleInstance(LockClass c) {
    return resolver.isSingleInstance(c);
  }

  public Mode lockerMode(Function fn, Event.Acquire a) {
    return AnalysisContext.lockerMode(graph, fn, a);
  }

  public boolean isPageFault(Function f) {
    return graph.isPageFault(f);
  }

  /** The reclaim pseudo-lock's class (fs_reclaim), or null without a reclaim model. */
  public LockClass reclaimClass() {
    return reclaimClass;
  }

  public Mode reclaimMode() {
    return reclaimMode;
  }

  /** Whether gfp flags written as {@code text} enter fs reclaim: true, false, or null when unknown. */
  public Boolean gfpReclaims(String text) {
    if (reclaim == null) return false;
    return switch (GfpFlags.judge(text, reclaim)) {
      case RECLAIMS -> true;
      case NO_RECLAIM -> false;
      case UNKNOWN -> null;
    };
  }

  /** The identifier a gfp expression starts with, to follow a gfp parameter to its caller. */
  public static String gfpLeadingName(String text) {
    return GfpFlags.leadingName(text);
  }

  public List<LockAnnotation> annotations(Function f) {
    return AnalysisContext.annotations(program, f);
  }

  /** Why {@code f} can start a thread, or null. */
  public String entryReason(Function f) {
    return graph.entryReason(f);
  }

  /** The interrupt level of a registered handler, or null. */
  public IrqLevel irqHandlerLevel(Function f) {
    return graph.irqHandlerLevel(f);
  }

  /**
   * What a {@code return value;} tells a caller's test: TRUE non-zero, FALSE zero, null unknown.
   * {@code lockedInstances}: the lock expressions of the locks held there (a returned pointer whose
   * object is locked is not NULL; see {@link ReturnKind#of(Arg, Program, Iterable)}).
   */
  public Boolean returnsNonzero(Arg value, Iterable<String> lockedInstances) {
    return switch (ReturnKind.of(value, program, lockedInstances)) {
      case ZERO -> false;
      case NONZERO, ERROR -> true;
      case UNKNOWN -> null;
    };
  }
}
