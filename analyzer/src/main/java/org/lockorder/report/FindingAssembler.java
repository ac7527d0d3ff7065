package org.lockorder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lockorder.analysis.CallStep;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.IrqUsage;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.analysis.Site;
import org.lockorder.graph.Cycle;
import org.lockorder.graph.IrqInversion;
import org.lockorder.ir.Location;

/**
 * Turns cycles and self-edges into {@link Finding}s: the message, the primary location and one
 * thread per edge, with every step of its witness. Formats nothing; writers do that.
 */
public final class FindingAssembler {
    private final Map<String, String> entryReasons;

  public FindingAssembler(Map<String, String> entryReasons) {
    this.entryReasons = entryReasons;
  }

  /** LO001 findings for strong cycles, LO002 for self-edges; sorted shortest first. */
  public List<Finding> assemble(List<Cycle> cycles, List<LockOrderEdge> selfEdges) {
    return assemble(cycles, selfEdges, List.of());
  }

  /** As above, plus LO003 for interrupt-safety violations. */
  public List<Finding> assemble(List<Cycle> cycles, List<LockOrderEdge> selfEdges, List<IrqInversion> irq) {
    List<Finding> out = new ArrayList<>();
    for (LockOrderEdge e : selfEdges) out.add(recursive(e));
    for (Cycle c : cycles) out.add(cycle(c));
    for (IrqInversion i : irq) out.add(irqInversion(i));
    out.sort(
        Comparator.comparingInt((Finding f) -> f.classes().size())
            .thenComparing(f -> String.join(" ", f.classes()))
            .thenComparing(Finding::rule));
    return out;
  }

  private Finding cycle(Cycle c) {
    List<ThreadTrace> threads = new ArrayList<>();
    for (int i = 0; i < c.length(); i++) threads.add(thread(c.witnesses().get(i), c.types().get(i)));
    List<String> classes = c.classes().stream().map(LockClass::toString).toList();
    List<String> gates = c.gates().stream().map(LockClass::toString).toList();
    Step closing = primaryStep(threads.get(threads.size() - 1));
    String message;
    String severity;
    if (gates.isEmpty()) {
      severity = "warning";
      message = Rule.LO001.summary() + " " + c.describe();
    } else {
      severity = "note";
      message = "lock-order cycle " + c.describe() + " is serialized by " + String.join(", ", gates) + ", held on every edge";
    }
    return new Finding(
        Rule.LO001.id(), severity, message, classes, closing.file(), closing.line(),
        closing.column(), Simulation.unchecked(), gates, threads);
  }

  private Finding recursive(LockOrderEdge e) {
    EdgeType type = e.witnesses().containsKey(EdgeType.EN) ? EdgeType.EN : e.witnesses().keySet().iterator().next();
    EdgeWitness w = e.witnesses().get(type);
    Site held = w.held();
    Site acquired = w.acquired();
    // Only the same expression in the same function is provably the same lock; otherwise it is
    // the same lock (one thread deadlocks) or two instances (two threads in opposite orders).
    boolean sameInstance = held.function().equals(acquired.function()) && held.instance().equals(acquired.instance());
    boolean distinctInstances = held.function().equals(acquired.function()) && !sameInstance;
    List<String> gates = distinctInstances ? e.gates().stream().map(LockClass::toString).toList() : List.of();
    // One statement reached twice through the same calls is a loop's (or a recursion's) next pass,
    // which usually names another object: lock_buffer(bh) walking a page's buffers.
    boolean samePass = sameInstance && held.location().equals(acquired.location()) && held.calls().equals(acquired.calls());
    String what =
        samePass
            ? acquired.instance() + " is taken again by the same statement on a later pass (another object of the class, or the same one)"
            : sameInstance
            ? "the same lock (" + acquired.instance() + ") is taken twice"
            : distinctInstances
                ? "two instances of one class (" + held.instance() + " then " + acquired.instance() + ")"
                : acquired.instance() + " is acquired while " + held.instance() + " is held";
    String message = Rule.LO002.summary() + " of " + e.from() + ": " + what;
    String severity = "warning";
    if (!gates.isEmpty()) {
      severity = "note";
      message = "nesting of two instances of " + e.from() + " is serialized by " + String.join(", ", gates);
    }
    ThreadTrace thread = thread(w, type);
    Step at = primaryStep(thread);
    return new Finding(
        Rule.LO002.id(), severity, message, List.of(e.from().toString()), at.file(), at.line(), at.column(),
        Simulation.unchecked(), gates, List.of(thread));
  }

  /**
   * LO003: the handler's usage first, then each edge from the safe class to the unsafe one, then
   * the process-context usage with interrupts enabled.
   */
  private Finding irqInversion(IrqInversion i) {
    IrqUsage safe = i.safe();
    IrqUsage unsafe = i.unsafe();
    String level = safe.level().spelling();
    List<ThreadTrace> threads = new ArrayList<>();
    threads.add(usage(safe));
    for (int k = 0; k < i.path().size(); k++) {
      EdgeType type = i.types().get(k);
      threads.add(thread(i.path().get(k).witnesses().get(type), type));
    }
    threads.add(usage(unsafe));
    List<String> classes = new ArrayList<>();
    classes.add(safe.lockClass().toString());
    for (LockOrderEdge e : i.path()) classes.add(e.to().toString());
    String message;
    if (i.path().isEmpty()) {
      message = "inconsistent lock state: " + safe.lockClass() + " is taken in " + level + " context ("
          + safe.entry() + ") and with " + level + "s enabled (" + unsafe.entry() + ") {" + safe.state()
          + "} -> {" + unsafe.state() + "}";
    } else {
      message = Rule.LO003.summary() + ": " + String.join(" -> ", classes) + "; " + safe.lockClass()
          + " is taken in " + level + " context (" + safe.entry() + "), " + unsafe.lockClass()
          + " with " + level + "s enabled (" + unsafe.entry() + ")";
    }
    Step at = primaryStep(threads.get(threads.size() - 1));
    return new Finding(
        Rule.LO003.id(), "warning", message, classes, at.file(), at.line(), at.column(), Simulation.unchecked(), List.of(), threads);
  }

  private ThreadTrace usage(IrqUsage u) {
    List<Step> steps = new ArrayList<>();
    Location at = u.entryLocation();
    steps.add(new Step(at.file(), at.line(), at.column(), u.entry(), "entry", null, null, null, null, 0));
    addSite(steps, u.site(), 0);
    return new ThreadTrace(
        u.entry(), entryReasons.getOrDefault(u.entry(), ""), "", "", u.lockClass().toString(),
        u.mode().letter(), u.state(), steps);
  }

  /**
   * Where a finding points: the thread's final acquisition, or, when that is inside code the
   * lock model supplies (the page-fault handler's mmap_lock), the last step in real source, which
   * is the call that entered it (the user copy that faults).
   */
  static Step primaryStep(ThreadTrace t) {
    List<Step> steps = t.steps();
    for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i).line() > 0) return steps.get(i);
    return steps.get(steps.size() - 1);
  }

  /** The witnesses of {@code e}, one per dependency type observed, in {@link EdgeType} order. */
  public List<ThreadTrace> witnesses(LockOrderEdge e) {
    List<ThreadTrace> out = new ArrayList<>();
    e.witnesses().forEach((type, w) -> out.add(thread(w, type)));
    return out;
  }

  private ThreadTrace thread(EdgeWitness w, EdgeType type) {
    List<Step> steps = new ArrayList<>();
    int depth = 0;
    Location at = w.entryLocation();
    steps.add(new Step(at.file(), at.line(), at.column(), w.entry(), "entry", null, null, null, null, 0));
    for (CallStep c : w.entryChain()) steps.add(call(c, depth++));
    int frameDepth = depth;
    addSite(steps, w.held(), frameDepth);
    addSite(steps, w.acquired(), frameDepth);
    return new ThreadTrace(
        w.entry(), entryReasons.getOrDefault(w.entry(), ""), w.held().lockClass().toString(),
        w.held().mode().letter(), w.acquired().lockClass().toString(), w.acquired().mode().letter(),
        type.name(), steps);
  }

  private static void addSite(List<Step> steps, Site site, int depth) {
    int d = depth;
    for (CallStep c : site.calls()) steps.add(call(c, d++));
    steps.add(
        new Step(
            site.location().file(), site.location().line(), site.location().column(), site.function(),
            "acquire", site.lockClass().toString(), site.mode().letter(), site.api(), null, d));
  }

  private static Step call(CallStep c, int depth) {
    return new Step(
        c.location().file(), c.location().line(), c.location().column(), c.caller(), "call", null, null,
        c.callee(), c.via(), depth);
  }
}
