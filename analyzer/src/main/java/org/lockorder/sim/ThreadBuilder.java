package org.lockorder.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.ProgramView;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;
import org.lockorder.ir.Node;
import org.lockorder.report.Finding;
import org.lockorder.report.Rule;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;

/**
 * Turns a finding into threads the scheduler can run: walks each witness thread, names lock
 * instances (the cycle's locks are shared between the threads that meet on them; a global lock is
 * one instance; any other lock is the thread's own object), adds a waiting writer where a cycle
 * edge needs one, and makes the interrupt handler of an LO003 finding interrupt the thread that
 * holds the lock with interrupts enabled.
 */
final class ThreadBuilder {
  private final ProgramView view;
  private final WitnessWalker walker;

  ThreadBuilder(ProgramView view, WitnessWalker walker) {
    this.view = view;
    this.walker = walker;
  }

  /**
   * The threads, or why they could not be built: {@code inconsistent}, a bug, not a bound;
   * {@code refuted}, a witness the kernel cannot take, and {@code failure} says why.
   */
  record Built(List<SimThread> threads, List<Meeting> meetings, String failure, boolean inconsistent, boolean refuted) {
    Built(List<SimThread> threads, List<Meeting> meetings, String failure, boolean inconsistent) {
      this(threads, meetings, failure, inconsistent, false);
    }
  }

  /**
   * Where two threads meet: {@code acquirer} takes {@code lock} as its final acquisition while
   * {@code holder} holds it (holder == acquirer for a thread that takes one lock twice).
   */
  record Meeting(String lock, int holder, Mode held, int acquirer, Mode acquired) {}

  Built build(Finding f) {
    List<List<LockOp>> walked = new ArrayList<>();
    for (int k = 0; k < f.threads().size(); k++) {
      ThreadTrace t = f.threads().get(k);
      Route route = Route.of(t);
      WitnessWalker.Result r = walker.walk(route);
      // A repeated call read as one that no path follows may be two calls (a loop in the caller).
      Route twoCalls = r instanceof WitnessWalker.Failed f1 && f1.inconsistent() ? Route.ofRepeatedCalls(t) : null;
      if (twoCalls != null && walker.walk(twoCalls) instanceof WitnessWalker.Walked w) r = w;
      if (r instanceof WitnessWalker.Failed fail && fail.inconsistent()) {
        WitnessWalker.Failed why = walker.releasedByClass(route);
        if ((why == null || !why.refuted()) && twoCalls != null) {
          WitnessWalker.Failed second = walker.releasedByClass(twoCalls);
          if (second != null && (why == null || second.refuted())) why = second;
        }
        if (why != null && why.refuted()) return new Built(List.of(), List.of(), "thread " + (k + 1) + ": " + why.reason(), false, true);
        // Walking by class hit a bound: not known to be an inconsistency yet (a later look with
        // larger bounds tries again).
        if (why != null) r = why;
      }
      if (r instanceof WitnessWalker.Failed fail) return new Built(List.of(), List.of(), fail.reason(), fail.inconsistent());
      walked.add(((WitnessWalker.Walked) r).ops());
    }
    if (f.rule().equals(Rule.LO003.id())) return irq(f, walked);
    if (f.rule().equals(Rule.LO002.id())) return recursive(f, walked.get(0));
    return cycle(f, walked);
  }

  /** LO001: thread i holds class i and takes class i+1; the classes are the shared instances. */
  private Built cycle(Finding f, List<List<LockOp>> walked) {
    int n = walked.size();
    List<Plan> plans = new ArrayList<>();
    List<Meeting> meetings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String held = f.classes().get(i);
      String taken = f.classes().get((i + 1) % n);
      plans.add(new Plan(f.threads().get(i).entry(), i, "witness of " + held + " -> " + taken, walked.get(i), held, taken));
    }
    for (int k = 0; k < n; k++) {
      int acquirer = (k + n - 1) % n;
      meetings.add(new Meeting(f.classes().get(k), k, heldMode(walked.get(k)), acquirer, finalMode(walked.get(acquirer))));
    }
    return finish(plans, meetings, -1, null);
  }

  /**
   * LO002: one thread when the class is a single lock (a global) or the same expression in the
   * same function is taken twice by two statements, not through one wrapper given two arguments
   * ({@link #sameObjectPassed}): it deadlocks on itself. Otherwise, and when one statement takes
   * it on two passes of a loop, two objects of the class and two threads taking them in opposite
   * orders.
   */
  private Built recursive(Finding f, List<LockOp> ops) {
    String cls = f.classes().get(0);
    LockOp held = role(ops, Route.Role.HELD);
    LockOp last = role(ops, Route.Role.FINAL);
    String entry = f.threads().get(0).entry();
    // The same statement reached twice through the same calls is a loop, which usually names
    // another object on its next pass (lock_buffer(bh) walking a page's buffers): not one object.
    // A wrapper called twice (xfs_ilock) reaches its statement through different calls.
    boolean sameStatement = held != null && last != null && held.location().equals(last.location())
        && held.stepIndex() >= 0 && last.stepIndex() >= 0
        && callsTo(f.threads().get(0).steps(), held.stepIndex()).equals(callsTo(f.threads().get(0).steps(), last.stepIndex()));
    // A global lock (DEFINE_SPINLOCK, a static mutex) is one object however it is reached, on
    // every pass of a loop too: the thread deadlocks on itself, with no second thread needed.
    boolean global = held != null && last != null && view.singleInstance(held.lockClass());
    if (global || (held != null && last != null && !sameStatement && held.function().equals(last.function())
        && held.text().equals(last.text()) && sameObjectPassed(f.threads().get(0).steps(), held, last))) {
      String how = global ? "takes " + cls + ", a single lock, twice" : "takes " + cls + " (" + held.text() + ") twice";
      Plan p = new Plan(entry, 0, how, ops, cls, cls);
      return finish(List.of(p), List.of(new Meeting(cls, 0, held.mode(), 0, last.mode())), -1, null);
    }
    String a = cls + " (object 1)";
    String b = cls + " (object 2)";
    List<Plan> plans = List.of(
        new Plan(entry, 0, sameStatement
            ? "holds object 1 of " + cls + " (" + held.text() + "), takes object 2 on a later pass of " + held.location()
            : "holds object 1 of " + cls + ", takes object 2", ops, a, b),
        new Plan(entry, 0, "the same path with the objects swapped: holds object 2, takes object 1", ops, b, a));
    Mode h = heldMode(ops);
    Mode l = finalMode(ops);
    return finish(plans, List.of(new Meeting(b, 1, h, 0, l), new Meeting(a, 0, h, 1, l)), -1, null);
  }

  /**
   * Whether the two acquisitions may be of one object: false when their call chains part at two
   * calls of one function with different arguments ({@code lock_it(a); lock_it(b);}), where the
   * wrapper's one expression names two objects. Chains that part at calls of two functions may
   * pass one object on ({@code xfs_ilock(ip)}, then {@code xfs_bmapi_read(ip, ...)}), and are
   * taken as one, as are chains where one contains the other or a call's arguments are unknown.
   */
  private boolean sameObjectPassed(List<Step> steps, LockOp held, LockOp last) {
    if (held.stepIndex() < 0 || last.stepIndex() < 0) return true;
    List<Step> a = callsTo(steps, held.stepIndex());
    List<Step> b = callsTo(steps, last.stepIndex());
    for (int k = 0; k < a.size() && k < b.size(); k++) {
      Step x = a.get(k);
      Step y = b.get(k);
      if (x.line() == y.line() && x.column() == y.column() && x.file().equals(y.file())) continue;
      // Two functions: each may pass the object on (xfs_ilock(ip), then xfs_bmapi_read(ip, ...)).
      if (!x.detail().equals(y.detail())) return true;
      List<String> ax = argumentTexts(x);
      List<String> ay = argumentTexts(y);
      return ax == null || ay == null || ax.equals(ay);
    }
    return true;
  }

  /** The argument texts of the call a call step makes, or null when its node is not found. */
  private List<String> argumentTexts(Step call) {
    return Route.eventAt(view, call) instanceof Event.Call c ? c.args().stream().map(org.lockorder.ir.Arg::text).toList() : null;
  }

  /** The call steps on the way down to witness step {@code at}, outermost first. */
  private static List<Step> callsTo(List<Step> steps, int at) {
    List<Step> out = new ArrayList<>();
    int depth = steps.get(at).depth();
    for (int i = at - 1; i >= 0 && depth > 0; i--) {
      Step s = steps.get(i);
      if (s.depth() == depth - 1 && s.event().equals("call")) {
        out.add(0, s);
        depth--;
      }
    }
    return out;
  }

  /**
   * LO003: [handler usage, edges..., process usage]. The handler interrupts the process thread,
   * which holds the last class with interrupts enabled; each edge thread holds one class of the
   * path and takes the next.
   */
  private Built irq(Finding f, List<List<LockOp>> walked) {
    int n = walked.size();
    List<String> classes = f.classes();
    List<Plan> plans = new ArrayList<>();
    List<Meeting> meetings = new ArrayList<>();
    ThreadTrace handler = f.threads().get(0);
    plans.add(new Plan(handler.entry(), 0, "interrupt handler {" + handler.dependency() + "}", walked.get(0), null, classes.get(0)));
    for (int i = 1; i < n - 1; i++) {
      plans.add(new Plan(f.threads().get(i).entry(), i, "witness of " + classes.get(i - 1) + " -> " + classes.get(i), walked.get(i), classes.get(i - 1), classes.get(i)));
    }
    ThreadTrace process = f.threads().get(n - 1);
    plans.add(new Plan(process.entry(), n - 1, "process context {" + process.dependency() + "}", walked.get(n - 1), null, classes.get(classes.size() - 1)));
    IrqLevel level = handler.dependency().contains("HARDIRQ") ? IrqLevel.HARDIRQ : IrqLevel.SOFTIRQ;
    meetings.add(new Meeting(classes.get(0), n > 2 ? 1 : n - 1, Mode.WRITE, 0, finalMode(walked.get(0))));
    // Along the path: edge thread k takes class k, which the next edge thread (or, for the last
    // class, the interrupted thread) holds.
    for (int k = 1; k < n - 1; k++) {
      int holder = k + 1;
      Mode held = holder == n - 1 ? finalMode(walked.get(holder)) : heldMode(walked.get(holder));
      meetings.add(new Meeting(classes.get(k), holder, held, k, finalMode(walked.get(k))));
    }
    return finish(plans, meetings, n - 1, level);
  }

  /** A thread before instance naming: which labels its held and final locks get. */
  private record Plan(String entry, int witness, String role, List<LockOp> ops, String heldLabel, String finalLabel) {}

  private Built finish(List<Plan> plans, List<Meeting> meetings, int interrupted, IrqLevel level) {
    List<List<SimThread.Op>> named = new ArrayList<>();
    for (int t = 0; t < plans.size(); t++) named.add(name(plans.get(t), t));
    List<SimThread> threads = new ArrayList<>();
    for (int t = 0; t < plans.size(); t++) {
      Plan p = plans.get(t);
      boolean handler = interrupted >= 0 && t == 0;
      threads.add(new SimThread(p.entry, p.witness, p.role, named.get(t), handler ? interrupted : -1, handler ? level : null));
    }
    List<Meeting> needWriters = new ArrayList<>();
    for (Meeting m : meetings) {
      // Readers do not wait for readers: only a waiting writer makes a non-recursive reader wait.
      if (m.acquired == Mode.READ && m.held.shared()) needWriters.add(m);
    }
    for (Meeting m : needWriters) threads.add(writer(m, threads.size()));
    return new Built(prune(threads, interrupted), meetings, null, false);
  }

  private List<SimThread.Op> name(Plan p, int thread) {
    LockOp held = role(p.ops, Route.Role.HELD);
    LockOp last = role(p.ops, Route.Role.FINAL);
    List<SimThread.Op> out = new ArrayList<>();
    for (LockOp op : p.ops) {
      if (op.kind() == LockOp.Kind.MARK) continue;
      if (op.kind() == LockOp.Kind.IRQS) {
        out.add(new SimThread.Op(op.kind(), null, null, null, op.api(), op.function(), op.location(), -1, op.level(), op.enabled(), false));
        continue;
      }
      String label;
      if (op.role() == Route.Role.FINAL) {
        label = p.finalLabel;
      } else if (op.role() == Route.Role.HELD || (held != null && same(op, held) && p.heldLabel != null)) {
        label = p.heldLabel; // the held lock, its release, or taking it again
      } else if (last != null && same(op, last) && p.finalLabel != null) {
        label = p.finalLabel;
      } else if (view.singleInstance(op.lockClass())) {
        label = op.lockClass().toString(); // a global: every thread takes the same one
      } else {
        label = op.lockClass() + " [thread " + (thread + 1) + ": " + op.text() + "]"; // this thread's own object
      }
      if (label == null) label = op.lockClass().toString();
      out.add(new SimThread.Op(op.kind(), label, op.mode(), op.style(), op.api(), op.function(), op.location(), op.stepIndex(), null, false, op.role() == Route.Role.FINAL));
    }
    return out;
  }

  private static boolean same(LockOp a, LockOp b) {
    return a.lockClass().base().equals(b.lockClass().base()) && a.text().equals(b.text());
  }

  private static LockOp role(List<LockOp> ops, Route.Role role) {
    for (LockOp op : ops) {
      if ((op.kind() == LockOp.Kind.ACQUIRE || op.kind() == LockOp.Kind.MARK) && op.role() == role) return op;
    }
    return null;
  }

  private static Mode heldMode(List<LockOp> ops) {
    LockOp h = role(ops, Route.Role.HELD);
    return h == null ? Mode.WRITE : h.mode();
  }

  private static Mode finalMode(List<LockOp> ops) {
    LockOp h = role(ops, Route.Role.FINAL);
    return h == null ? Mode.WRITE : h.mode();
  }

  /**
   * The writer that makes readers wait on {@code m.lock}: the first function of the analyzed code
   * that takes the class for write (freeze_super for sb_writers, munmap for mmap_lock), walked up
   * to that acquisition; or a synthetic one when the code has none.
   */
  private SimThread writer(Meeting m, int index) {
    String cls = m.lock.replaceAll(" \\(object \\d+\\)$", "");
    Writer found = writers.computeIfAbsent(cls, this::findWriter);
    if (found.function != null) {
      Plan p = new Plan(found.function, -1, "waiting writer on " + m.lock + ": " + found.function + " (in the analyzed code)", found.ops, null, m.lock);
      return new SimThread(found.function, -1, p.role, name(p, index), -1, null);
    }
    SimThread.Op op = new SimThread.Op(LockOp.Kind.ACQUIRE, m.lock, Mode.WRITE, AcquireStyle.BLOCKING, "write lock (synthetic)", "<writer>", new org.lockorder.ir.Location("<simulator>", 0, 0), -1, null, false, true);
    return new SimThread("<writer>", -1, "waiting writer on " + m.lock + ": synthetic (no function in the analyzed code takes " + cls + " for write)", List.of(op), -1, null);
  }

  /** The writer of a class: the function and its walk up to the write acquisition; function null when there is none. */
  private record Writer(String function, List<LockOp> ops) {}

  /** Writers found so far, by class: every finding on the same class gets the same one, found once. */
  private final Map<String, Writer> writers = new HashMap<>();

  private record WriteSite(Function fn, org.lockorder.ir.Location at) {}

  /** Blocking write acquisitions by class, in program order; indexed on first use. */
  private Map<String, List<WriteSite>> writeSites;

  private Writer findWriter(String cls) {
    if (writeSites == null) {
      writeSites = new HashMap<>();
      for (Function fn : view.functions()) {
        for (Node n : fn.cfg().nodes()) {
          if (!(n.event() instanceof Event.Acquire a) || a.mode() != Mode.WRITE || a.style() != AcquireStyle.BLOCKING) continue;
          ProgramView.LockName name = view.resolve(a.lock(), fn);
          if (name == null || name.lockClass() == null) continue;
          writeSites.computeIfAbsent(name.lockClass().base().toString(), k -> new ArrayList<>()).add(new WriteSite(fn, a.location()));
        }
      }
    }
    for (WriteSite site : writeSites.getOrDefault(cls, List.of())) {
      Function fn = site.fn();
      WitnessWalker.Result r = walker.walk(Route.toEvent(fn.name(), fn.location().file(), site.at()));
      if (r instanceof WitnessWalker.Walked w) return new Writer(fn.name(), w.ops());
    }
    return new Writer(null, List.of());
  }


  /**
   * Drops operations on locks only one thread touches (they cannot make anyone wait) and interrupt
   * state changes of threads no handler interrupts: fewer scheduling points, same outcomes.
   */
  private static List<SimThread> prune(List<SimThread> threads, int interrupted) {
    Map<String, Set<Integer>> users = new HashMap<>();
    for (int t = 0; t < threads.size(); t++) {
      for (SimThread.Op op : threads.get(t).ops()) if (op.lock() != null) users.computeIfAbsent(op.lock(), k -> new HashSet<>()).add(t);
    }
    List<SimThread> out = new ArrayList<>();
    for (int t = 0; t < threads.size(); t++) {
      SimThread th = threads.get(t);
      List<SimThread.Op> kept = new ArrayList<>();
      for (SimThread.Op op : th.ops()) {
        if (op.kind() == LockOp.Kind.IRQS) {
          if (t == interrupted) kept.add(op);
        } else if (op.last() || users.get(op.lock()).size() > 1 || selfBlocking(th, op)) {
          kept.add(op);
        }
      }
      out.add(new SimThread(th.entry(), th.witness(), th.role(), kept, th.interrupts(), th.level()));
    }
    return out;
  }

  /** The thread's final lock, which it may take twice itself (the LO002 single-thread case). */
  private static boolean selfBlocking(SimThread th, SimThread.Op op) {
    for (SimThread.Op o : th.ops()) if (o.last() && o.lock().equals(op.lock())) return true;
    return false;
  }
}
