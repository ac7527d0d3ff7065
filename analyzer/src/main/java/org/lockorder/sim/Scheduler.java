package org.lockorder.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;

/**
 * Explores the interleavings of a few threads, breadth-first, so the first deadlock found has the
 * shortest schedule. Only lock operations are scheduling points, and states already seen are not
 * explored again. Semantics, as the kernel's primitives behave:
 *
 * <ul>
 *   <li>W (mutex, spinlock, down_write, percpu_down_write): waits until nobody holds the lock.
 *       A writer that has to wait for readers announces itself first: from then on, new
 *       non-recursive readers wait behind it (rwsem writer preference, percpu-rwsem's
 *       readers_block, queued rwlocks in process context).
 *   <li>r (down_read, sb_start_write, read_lock in process context): waits while a writer holds
 *       the lock or waits for it.
 *   <li>R (rcu_read_lock, read_lock in interrupt context): waits only while a writer holds it.
 *   <li>A trylock never waits: when the lock is taken, the thread leaves the witness's path.
 *   <li>A finished thread releases what it still holds (it goes on and unlocks).
 *   <li>An interrupt handler runs on its target thread's CPU when that thread has the level's
 *       interrupts enabled; the interrupted thread cannot run until the handler returns.
 * </ul>
 */
final class Scheduler {
  private final List<SimThread> threads;
  private final SimulationBounds bounds;

  Scheduler(List<SimThread> threads, SimulationBounds bounds) {
    this.threads = threads;
    this.bounds = bounds;
  }

  enum Result { DEADLOCK, NO_DEADLOCK, STATE_BOUND }

  /** One move: thread {@code thread} does {@code kind} with its op at {@code pc}. */
  record Move(int thread, MoveKind kind, int pc) {}

  enum MoveKind { STEP, WAIT, GIVE_UP, FINISH, INTERRUPT }

  /**
   * @param schedule the moves from the start to the deadlock (empty unless DEADLOCK)
   * @param end the deadlocked state
   * @param trylockFailed some explored schedule had a trylock on the witness's path fail
   */
  record Outcome(Result result, List<Move> schedule, State end, int states, boolean trylockFailed) {}

  /** Program counters, finished and waiting-writer flags; interrupt handlers start when injected. */
  record State(int[] pc, boolean[] finished, boolean[] waiting, boolean[] started) {
    String key() {
      return Arrays.toString(pc) + Arrays.toString(finished) + Arrays.toString(waiting) + Arrays.toString(started);
    }

    State copy() {
      return new State(pc.clone(), finished.clone(), waiting.clone(), started.clone());
    }
  }

  private record Node(State state, Node parent, Move move) {}

  Outcome run() {
    int n = threads.size();
    boolean[] started = new boolean[n];
    for (int t = 0; t < n; t++) started[t] = threads.get(t).interrupts() < 0;
    State start = new State(new int[n], new boolean[n], new boolean[n], started);
    ArrayDeque<Node> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(new Node(start, null, null));
    seen.add(start.key());
    boolean trylockFailed = false;
    int states = 0;
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      states++;
      if (states > bounds.states()) return new Outcome(Result.STATE_BOUND, List.of(), null, states, trylockFailed);
      List<Move> moves = moves(node.state);
      if (moves.isEmpty()) {
        if (!allFinished(node.state)) return new Outcome(Result.DEADLOCK, path(node), node.state, states, trylockFailed);
        continue;
      }
      for (Move m : moves) {
        if (m.kind == MoveKind.GIVE_UP) trylockFailed = true;
        State next = apply(node.state, m);
        if (seen.add(next.key())) queue.add(new Node(next, node, m));
      }
    }
    return new Outcome(Result.NO_DEADLOCK, List.of(), null, states, trylockFailed);
  }

  private static List<Move> path(Node end) {
    List<Move> out = new ArrayList<>();
    for (Node x = end; x.move != null; x = x.parent) out.add(0, x.move);
    return out;
  }

  private boolean allFinished(State s) {
    for (int t = 0; t < threads.size(); t++) {
      if (!s.finished[t] && s.started[t]) return false;
    }
    return true;
  }

  /** Whether {@code t} cannot run because an interrupt handler is running on its CPU. */
  boolean suspended(State s, int t) {
    for (int i = 0; i < threads.size(); i++) {
      if (threads.get(i).interrupts() == t && s.started[i] && !s.finished[i]) return true;
    }
    return false;
  }

  List<Move> moves(State s) {
    List<Move> out = new ArrayList<>();
    Map<String, Holders> locks = holders(s);
    for (int t = 0; t < threads.size(); t++) {
      if (s.finished[t] || !s.started[t] || suspended(s, t)) continue;
      List<SimThread.Op> ops = threads.get(t).ops();
      int pc = s.pc[t];
      if (pc == ops.size()) {
        out.add(new Move(t, MoveKind.FINISH, pc));
        continue;
      }
      SimThread.Op op = ops.get(pc);
      if (op.kind() != LockOp.Kind.ACQUIRE || available(locks, s, t, op)) {
        out.add(new Move(t, MoveKind.STEP, pc));
      } else if (op.style() == AcquireStyle.TRY) {
        out.add(new Move(t, MoveKind.GIVE_UP, pc));
      } else if (op.mode() == Mode.WRITE && !s.waiting[t]) {
        out.add(new Move(t, MoveKind.WAIT, pc));
      }
    }
    for (int i = 0; i < threads.size(); i++) {
      SimThread h = threads.get(i);
      if (h.interrupts() < 0 || s.started[i]) continue;
      int target = h.interrupts();
      if (s.finished[target] || suspended(s, target) || !irqsOn(s, target, h.level())) continue;
      out.add(new Move(i, MoveKind.INTERRUPT, 0));
    }
    return out;
  }

  private boolean irqsOn(State s, int t, IrqLevel level) {
    boolean hard = true;
    boolean soft = true;
    List<SimThread.Op> ops = threads.get(t).ops();
    for (int i = 0; i < s.pc[t]; i++) {
      SimThread.Op op = ops.get(i);
      if (op.kind() != LockOp.Kind.IRQS) continue;
      if (op.level() == IrqLevel.HARDIRQ) hard = op.enabled();
      else soft = op.enabled();
    }
    return level == IrqLevel.HARDIRQ ? hard : hard && soft;
  }

  private State apply(State s, Move m) {
    State next = s.copy();
    switch (m.kind) {
      case STEP -> {
        next.pc[m.thread]++;
        next.waiting[m.thread] = false;
      }
      case WAIT -> next.waiting[m.thread] = true;
      case GIVE_UP, FINISH -> next.finished[m.thread] = true;
      case INTERRUPT -> next.started[m.thread] = true;
    }
    return next;
  }

  /** Who holds each lock: the writer, or the readers (a thread may hold a read lock twice). */
  static final class Holders {
    int writer = -1;
    final List<Integer> readers = new ArrayList<>();

    boolean free() {
      return writer < 0 && readers.isEmpty();
    }
  }

  Map<String, Holders> holders(State s) {
    Map<String, Holders> out = new HashMap<>();
    for (int t = 0; t < threads.size(); t++) {
      if (s.finished[t]) continue;
      List<SimThread.Op> ops = threads.get(t).ops();
      for (int i = 0; i < s.pc[t]; i++) {
        SimThread.Op op = ops.get(i);
        if (op.kind() == LockOp.Kind.IRQS) continue;
        Holders h = out.computeIfAbsent(op.lock(), k -> new Holders());
        if (op.kind() == LockOp.Kind.ACQUIRE) {
          if (op.mode() == Mode.WRITE) h.writer = t;
          else h.readers.add(t);
        } else if (h.writer == t) {
          h.writer = -1;
        } else {
          h.readers.remove(Integer.valueOf(t));
        }
      }
    }
    return out;
  }

  boolean available(Map<String, Holders> locks, State s, int t, SimThread.Op op) {
    Holders h = locks.get(op.lock());
    boolean free = h == null || h.free();
    return switch (op.mode()) {
      case WRITE -> free;
      case RECURSIVE_READ -> h == null || h.writer < 0;
      case READ -> (h == null || h.writer < 0) && waitingWriter(s, op.lock(), t) < 0;
    };
  }

  /** A thread other than {@code self} waiting to write {@code lock}, or -1. */
  int waitingWriter(State s, String lock, int self) {
    for (int w = 0; w < threads.size(); w++) {
      if (w == self || !s.waiting[w] || s.finished[w]) continue;
      SimThread.Op op = threads.get(w).ops().get(s.pc[w]);
      if (op.lock().equals(lock)) return w;
    }
    return -1;
  }

  List<SimThread> threads() {
    return threads;
  }
}
