package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.lockorder.ir.Function;

/**
 * Analyzes the call graph's components bottom-up on several threads with the result of analyzing
 * them one after the other. A component starts once the components it calls into are done, in a
 * {@link AnalysisContext#fork fork} of the context that shares the summaries; the forks are added
 * back in the components' order, so edges, witnesses and bounds do not depend on which thread ran
 * what, nor when.
 *
 * <p>What this buys (ADR-005 in docs/decisions): on Linux 6.1 fs/+mm/ the 8,688 functions that
 * call into the largest recursion took 7.5 s on one thread after it, mostly independent of each
 * other, while the second core sat idle.
 */
final class ComponentScheduler {
  /** Analyzes one component in the given context; returns the nanoseconds of its propagation. */
  interface ComponentAnalysis {
    long analyze(List<Function> component, AnalysisContext ctx);
  }

  private final List<List<Function>> components;
  private final int threads;
  /** Per component: how many components it calls into are not done yet. */
  private final int[] waiting;
  /** Per component: the components that call into it. */
  private final List<int[]> callers;
  private final AnalysisContext[] forks;
  private final long[] nanos;
  private final long[] propagationNanos;
  /** Components whose callees are all done, lowest index first. Guarded by {@code this}. */
  private final PriorityQueue<Integer> ready = new PriorityQueue<>();
  private Throwable failure;

  /** @param components bottom-up: a component's callees come before it */
  ComponentScheduler(List<List<Function>> components, CallGraph graph, int threads) {
    this.components = components;
    this.threads = Math.max(1, threads);
    int n = components.size();
    this.waiting = new int[n];
    this.forks = new AnalysisContext[n];
    this.nanos = new long[n];
    this.propagationNanos = new long[n];
    Map<Function, Integer> componentOf = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) for (Function f : components.get(i)) componentOf.put(f, i);
    List<IntList> calledBy = new ArrayList<>(n);
    for (int i = 0; i < n; i++) calledBy.add(new IntList());
    int[] lastCaller = new int[n];
    java.util.Arrays.fill(lastCaller, -1);
    for (int callee = 0; callee < n; callee++) {
      for (Function f : components.get(callee)) {
        for (Function c : graph.callers(f)) {
          Integer caller = componentOf.get(c);
          if (caller == null || caller == callee || lastCaller[caller] == callee) continue;
          lastCaller[caller] = callee;
          calledBy.get(callee).add(caller);
          waiting[caller]++;
        }
      }
    }
    this.callers = new ArrayList<>(n);
    for (IntList l : calledBy) {
      int[] a = new int[l.size()];
      for (int k = 0; k < a.length; k++) a[k] = l.get(k);
      callers.add(a);
    }
  }

  /** Runs every component and adds its fork to {@code ctx}, in order. */
  void run(AnalysisContext ctx, ComponentAnalysis analysis) {
    run(ctx, analysis, i -> {});
  }

  /**
   * Runs every component and adds its fork to {@code ctx}, in order; {@code added} is told each
   * component's index once it is added, on the calling thread.
   */
  void run(AnalysisContext ctx, ComponentAnalysis analysis, java.util.function.IntConsumer added) {
    int n = components.size();
    if (threads == 1 || n < 2) {
      for (int i = 0; i < n; i++) {
        analyzeOne(i, ctx, analysis);
        ctx.addAll(forks[i]);
        forks[i] = null;
        added.accept(i);
      }
      return;
    }
    synchronized (this) {
      for (int i = 0; i < n; i++) if (waiting[i] == 0) ready.add(i);
    }
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> work(ctx, analysis), "lockorder-analysis-" + (t + 1));
      w.setDaemon(true); // a failed run must not wait for them
      workers.add(w);
      w.start();
    }
    try {
      for (int i = 0; i < n; i++) {
        AnalysisContext done;
        synchronized (this) {
          while (forks[i] == null && failure == null) wait();
          if (failure != null) break;
          done = forks[i];
          forks[i] = null;
        }
        ctx.addAll(done);
        added.accept(i);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      synchronized (this) {
        if (failure == null && !ready.isEmpty()) failure = new IllegalStateException("components left unanalyzed");
        ready.clear();
        notifyAll();
      }
    }
    synchronized (this) {
      if (failure instanceof RuntimeException r) throw r;
      if (failure instanceof Error e) throw e;
      if (failure != null) throw new IllegalStateException(failure);
    }
  }

  private void work(AnalysisContext ctx, ComponentAnalysis analysis) {
    while (true) {
      int i;
      synchronized (this) {
        while (ready.isEmpty() && failure == null && !allStarted()) waitQuietly();
        if (failure != null || ready.isEmpty()) return;
        i = ready.poll();
        started++;
      }
      try {
        analyzeOne(i, ctx, analysis);
      } catch (Throwable e) {
        synchronized (this) {
          if (failure == null) failure = e;
          notifyAll();
        }
        return;
      }
      synchronized (this) {
        for (int caller : callers.get(i)) if (--waiting[caller] == 0) ready.add(caller);
        notifyAll();
      }
    }
  }

  private int started;

  private boolean allStarted() {
    return started == components.size();
  }

  private void waitQuietly() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    }
  }

  private void analyzeOne(int i, AnalysisContext ctx, ComponentAnalysis analysis) {
    AnalysisContext fork = ctx.fork();
    long start = System.nanoTime();
    long propagation = analysis.analyze(components.get(i), fork);
    long elapsed = System.nanoTime() - start;
    synchronized (this) {
      nanos[i] = elapsed;
      propagationNanos[i] = propagation;
      forks[i] = fork;
    }
  }

  /** The wall time component {@code i} took, in nanoseconds. */
  synchronized long nanos(int i) {
    return nanos[i];
  }

  synchronized long propagationNanos(int i) {
    return propagationNanos[i];
  }
}
