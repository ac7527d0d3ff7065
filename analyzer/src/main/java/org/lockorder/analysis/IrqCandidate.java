package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Mode;

/**
 * What the interrupt-usage rule reads of one function's summary: per lock class, mode and kind of
 * usage, the acquisition with the shortest call chain (the first such in the summary). The rule
 * keeps the shortest over all functions, so these give it the usages the whole summary would.
 * The summary memo keeps those the rule read of a function beside its summary ({@link #kindsRead}),
 * so that the rule reads no summary of a function read back (ADR-009, "Later (stop 51)"): entry
 * points' summaries are a third of a kernel tree's acquisitions.
 *
 * @param kind {@link #IN_HANDLER}, {@link #HARDIRQS_ON} or {@link #SOFTIRQS_ON}
 */
record IrqCandidate(int kind, LockClass lockClass, Mode mode, Site site) {
  /** Taken where the function runs as an interrupt handler: not past an in_interrupt() test's task side. */
  static final int IN_HANDLER = 0;
  /** Taken with hard interrupts enabled, where the function runs as a process-context entry point. */
  static final int HARDIRQS_ON = 1;
  /** Taken with softirqs enabled, likewise. */
  static final int SOFTIRQS_ON = 2;
  static final int KINDS = 3;
  /** {@link #kindsRead}: the kinds of a handler, and of a process-context entry point. */
  static final int IN_HANDLER_BIT = 1 << IN_HANDLER;
  static final int PROCESS_BITS = 1 << HARDIRQS_ON | 1 << SOFTIRQS_ON;

  /**
   * The kinds the rule reads of {@code f} (as bits): in-handler usages of a registered interrupt
   * handler, interrupts-on usages of an entry point that runs in process context on its own (not
   * one that runs only in interrupt context, nor a callback stored at run time that the code calls,
   * {@link CallGraph#runsWhereCalled}: its callers' interrupt state is its own).
   */
  static int kindsRead(CallGraph graph, org.lockorder.ir.Function f) {
    int kinds = graph.irqHandlerLevel(f) != null ? IN_HANDLER_BIT : 0;
    if (graph.entryReason(f) != null && !graph.irqOnly(f) && !graph.runsWhereCalled(f)) kinds |= PROCESS_BITS;
    return kinds;
  }

  private record Key(int kind, LockClass lockClass, boolean write) {}

  /** The candidates of a summary of the kinds in {@code kinds} (bits), in the order of their first acquisitions. */
  static List<IrqCandidate> of(Summary s, int kinds) {
    if (kinds == 0) return List.of();
    Map<Key, IrqCandidate> best = new LinkedHashMap<>();
    for (Summary.Acquisition a : s.acquisitions.values()) {
      if (!(a.key() instanceof LockKey.OfClass c)) continue;
      if ((kinds & IN_HANDLER_BIT) != 0 && (a.cuts() & Scopes.VIA_TASK) == 0) offer(best, IN_HANDLER, c.lockClass(), a);
      if ((kinds & 1 << HARDIRQS_ON) != 0 && (a.irqsOn() & Scopes.HARDIRQS_ON) != 0) offer(best, HARDIRQS_ON, c.lockClass(), a);
      if ((kinds & 1 << SOFTIRQS_ON) != 0 && (a.irqsOn() & Scopes.SOFTIRQS_ON) != 0) offer(best, SOFTIRQS_ON, c.lockClass(), a);
    }
    return best.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(best.values()));
  }

  private static void offer(Map<Key, IrqCandidate> best, int kind, LockClass cls, Summary.Acquisition a) {
    Key key = new Key(kind, cls, a.mode() == Mode.WRITE);
    IrqCandidate old = best.get(key);
    if (old == null || a.site().calls().size() < old.length()) best.put(key, new IrqCandidate(kind, cls, a.mode(), a.site()));
  }

  /** How many calls its site's chain has: the rule keeps the shortest. */
  int length() {
    return site.calls().size();
  }
}
