package org.lockorder.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Location;
import org.lockorder.report.Simulation.ScheduleStep;

/**
 * Writes a deadlocking schedule as report steps: every acquisition and release in the order it
 * ran, an "interrupt" where a handler starts, a writer's "blocks" where it starts waiting (from
 * then on readers queue behind it), and a final "blocks" for every other deadlocked thread, each
 * saying whom it waits for.
 */
final class ScheduleWriter {
  private ScheduleWriter() {}

  static List<ScheduleStep> steps(Scheduler scheduler, Scheduler.Outcome o) {
    List<SimThread> threads = scheduler.threads();
    List<ScheduleStep> out = new ArrayList<>();
    int n = threads.size();
    Scheduler.State s = new Scheduler.State(new int[n], new boolean[n], new boolean[n], new boolean[n]);
    for (int t = 0; t < n; t++) s.started()[t] = threads.get(t).interrupts() < 0;
    boolean[] blockedShown = new boolean[n];
    for (Scheduler.Move m : o.schedule()) {
      SimThread th = threads.get(m.thread());
      switch (m.kind()) {
        case STEP -> {
          SimThread.Op op = th.ops().get(m.pc());
          if (op.kind() != LockOp.Kind.IRQS) {
            String action = op.kind() == LockOp.Kind.ACQUIRE ? "acquire" : "release";
            out.add(step(m.thread(), action, op, op.kind() == LockOp.Kind.ACQUIRE ? op.mode().letter() : null, null));
          }
          s.pc()[m.thread()]++;
          s.waiting()[m.thread()] = false;
        }
        case WAIT -> {
          SimThread.Op op = th.ops().get(m.pc());
          String note = waitNote(scheduler, s, m.thread(), op);
          // A writer that waits for readers announces itself: readers arriving later queue behind it.
          if (note.startsWith("waits for the reader")) note += "; new readers now queue behind this waiting writer";
          out.add(step(m.thread(), "blocks", op, op.mode().letter(), note));
          s.waiting()[m.thread()] = true;
          blockedShown[m.thread()] = true;
        }
        case INTERRUPT -> {
          int target = th.interrupts();
          out.add(new ScheduleStep(
              m.thread(), "interrupt", null, null, th.level().spelling(), th.entry(), "", 0, 0, -1,
              "the " + th.level().spelling() + " handler runs on thread " + (target + 1) + "'s CPU, which cannot continue until it returns"));
          s.started()[m.thread()] = true;
        }
        case FINISH, GIVE_UP -> s.finished()[m.thread()] = true;
      }
    }
    for (int t = 0; t < n; t++) {
      if (s.finished()[t] || !s.started()[t] || blockedShown[t]) continue;
      SimThread th = threads.get(t);
      if (scheduler.suspended(s, t)) {
        out.add(new ScheduleStep(t, "blocks", null, null, null, th.entry(), "", 0, 0, -1, "interrupted: the handler on its CPU never returns"));
        continue;
      }
      SimThread.Op op = th.ops().get(s.pc()[t]);
      out.add(step(t, "blocks", op, op.mode().letter(), waitNote(scheduler, s, t, op)));
    }
    return out;
  }

  private static ScheduleStep step(int thread, String action, SimThread.Op op, String mode, String note) {
    Location at = op.at();
    return new ScheduleStep(
        thread, action, op.lock(), mode, op.api(), op.function(), at.file(), at.line(), at.column(), op.witnessStep(), note);
  }

  /** Whom a blocked acquisition waits for. */
  private static String waitNote(Scheduler scheduler, Scheduler.State s, int t, SimThread.Op op) {
    Map<String, Scheduler.Holders> locks = scheduler.holders(s);
    Scheduler.Holders h = locks.get(op.lock());
    if (h != null && h.writer >= 0) return h.writer == t ? "it already holds it" : "held by thread " + (h.writer + 1);
    if (h != null && !h.readers.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (int r : h.readers) if (!names.contains("thread " + (r + 1))) names.add("thread " + (r + 1));
      if (op.mode() == org.lockorder.ir.Mode.WRITE) return "waits for the reader" + (names.size() > 1 ? "s " : " ") + String.join(", ", names);
    }
    int w = scheduler.waitingWriter(s, op.lock(), t);
    if (w >= 0) return "thread " + (w + 1) + " is waiting to write it, and readers queue behind a waiting writer";
    return "waits";
  }
}
