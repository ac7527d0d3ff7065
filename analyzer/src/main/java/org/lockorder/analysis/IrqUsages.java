package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.Function;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;

/**
 * lockdep's usage states per class and interrupt level, each with the shortest witness: taken in
 * a handler (irq-safe), or taken by a process-context entry point with that level enabled
 * (irq-unsafe). Entry points stand for process context; functions only handlers reach do not, nor
 * callbacks stored at run time that the code calls ({@link CallGraph#runsWhereCalled}): their
 * callers' interrupt state is theirs.
 *
 * <p>Read from each function's {@link IrqCandidate}s, which the summary memo keeps beside a
 * read-back function's summary: no summary is decoded for them. Each function is offered as its
 * component is added to the analysis ({@link #offer}), and a read-back component's candidates are
 * dropped then: on Linux 6.1 fs/ + mm/ they were a million objects kept to the end of a run. Ties
 * go to the function first in the call graph's order, so the usages do not depend on the order
 * of offering.
 */
final class IrqUsages {
  private final AnalysisContext ctx;
  private final CallGraph graph;
  /** By function (by reference): its position in the call graph's functions, the last tie-break. */
  private final Map<Function, Integer> position = new java.util.IdentityHashMap<>();
  private final Map<LockClass, Kept[]> best = new HashMap<>();

  /** Whether the program has an interrupt handler: without one no state is kept. */
  private final boolean handlers;

  IrqUsages(AnalysisContext ctx, CallGraph graph) {
    this.ctx = ctx;
    this.graph = graph;
    this.handlers = !graph.irqHandlers().isEmpty();
    if (handlers) for (Function f : graph.functions()) position.putIfAbsent(f, position.size());
  }

  /** The usage kept so far for a state: which candidate of which function. */
  private record Kept(IrqCandidate candidate, Function entry, int position) {}

  /**
   * A class's usage state among the {@link #STATES} kept per class: its level, whether it is in a
   * handler, and whether it writes (lockdep's name for it, {@link IrqUsage#state}, tells write
   * from the rest). An array per class and not a map keyed by all four: the rule offers it a
   * candidate per entry point, class and state, about 150,000 on Linux 6.1 fs/ + mm/.
   */
  private static int state(IrqLevel level, boolean inIrq, boolean write) {
    return level.ordinal() * 4 + (inIrq ? 2 : 0) + (write ? 1 : 0);
  }

  private static final int STATES = IrqLevel.values().length * 4;

  /**
   * Offers the candidates of {@code f}, whose component is done: as a handler, those it takes in
   * the handler; as a process-context entry point, those it takes with interrupts enabled. Past an
   * in_interrupt() test's task side (vfree's deferral) a lock is never taken in the handler: such
   * acquisitions are no IN_HANDLER candidates.
   */
  void offer(Function f) {
    int kinds = handlers ? IrqCandidate.kindsRead(graph, f) : 0;
    if (kinds != 0) keepCandidates(f, kinds);
    ctx.forgetIrqCandidates(f);
  }

  private void keepCandidates(Function f, int kinds) {
    int at = position.getOrDefault(f, Integer.MAX_VALUE);
    IrqLevel handler = graph.irqHandlerLevel(f);
    if (handler != null) {
      for (IrqCandidate c : ctx.irqCandidates(f, IrqCandidate.IN_HANDLER_BIT)) {
        if (c.kind() == IrqCandidate.IN_HANDLER) keep(c.lockClass(), state(handler, true, c.mode() == Mode.WRITE), c, f, at);
      }
    }
    if ((kinds & IrqCandidate.PROCESS_BITS) != 0) {
      for (IrqCandidate c : ctx.irqCandidates(f, IrqCandidate.PROCESS_BITS)) {
        IrqLevel level = c.kind() == IrqCandidate.HARDIRQS_ON ? IrqLevel.HARDIRQ : c.kind() == IrqCandidate.SOFTIRQS_ON ? IrqLevel.SOFTIRQ : null;
        if (level != null) keep(c.lockClass(), state(level, false, c.mode() == Mode.WRITE), c, f, at);
      }
    }
  }

  /** The usages the interrupt rule reads: per class and state, the one with the shortest call chain. */
  List<IrqUsage> usages() {
    List<IrqUsage> out = new ArrayList<>();
    best.forEach((cls, states) -> {
      for (int i = 0; i < STATES; i++) {
        Kept kept = states[i];
        if (kept == null) continue;
        Function f = kept.entry();
        IrqLevel level = IrqLevel.values()[i / 4];
        out.add(new IrqUsage(cls, level, (i & 2) != 0, kept.candidate().mode(), f.name(), f.location(), kept.candidate().site()));
      }
    });
    out.sort(java.util.Comparator.comparing(u -> u.lockClass() + " " + u.state()));
    return out;
  }

  /** Adds to {@code reasons} why each entry point that {@code usages} name is one, where it is missing. */
  static void addReasons(List<IrqUsage> usages, CallGraph graph, Map<String, String> reasons) {
    if (usages.isEmpty()) return;
    Set<String> entries = new HashSet<>();
    for (IrqUsage u : usages) entries.add(u.entry());
    for (Function f : graph.functions()) {
      if (graph.entryReason(f) != null && entries.contains(f.name())) reasons.putIfAbsent(f.name(), graph.entryReason(f));
    }
  }

  /**
   * One usage per class, level, state and mode: the one with the shortest call chain, then the
   * first entry by name, then the first in the call graph's order.
   */
  private void keep(LockClass cls, int state, IrqCandidate c, Function entry, int at) {
    Kept[] states = best.computeIfAbsent(cls, k -> new Kept[STATES]);
    Kept old = states[state];
    int byName = old == null ? 0 : entry.name().compareTo(old.entry().name());
    if (old == null
        || c.length() < old.candidate().length()
        || (c.length() == old.candidate().length() && (byName < 0 || (byName == 0 && at < old.position())))) {
      states[state] = new Kept(c, entry, at);
    }
  }
}
