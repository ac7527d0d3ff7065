package org.lockorder.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockorder.analysis.ProgramView;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;

/**
 * A witness thread that calls through one ops pointer twice in one invocation of a function and
 * reaches two different tables cannot run: the pointer points at one table. The analysis
 * resolves each indirect call by the table types alone ({@code m->op->start} to every {@code
 * seq_operations.start}), so one path of its summary may start a vmalloc seq file and stop a
 * vmscan one (6.1's {@code traverse}); the walk follows the witness's calls as given, so this is
 * checked on the witness before it.
 *
 * <p>Only pointers the function cannot change between the calls count: rooted at a parameter it
 * never assigns, with no store to the pointer itself in its body ({@code m->op = ...}).
 */
final class OneTablePerPointer {
  private OneTablePerPointer() {}

  /** How a call step names an ops-table call: {@code seq_operations.stop = lru_gen_seq_stop in lru_gen_seq_ops (...)}. */
  private static final Pattern TABLE_CALL = Pattern.compile("^(\\w+)\\.(\\w+) = (\\w+) in (\\w+) ");

  /** Why {@code thread}'s witness cannot run, naming both calls; null when nothing says so. */
  static String conflict(ThreadTrace thread, ProgramView view) {
    // By depth, the invocation the route's calls there are made in: the step index of the call
    // that entered it (Route.of already drops the calls the second site's chain repeats).
    Map<Integer, Integer> frame = new HashMap<>();
    Map<String, Seen> seen = new HashMap<>();
    for (Route.Waypoint w : Route.of(thread).waypoints()) {
      if (w.kind() != Route.Kind.CALL) continue;
      Step s = thread.steps().get(w.stepIndex());
      String key = s.via() == null ? null : pointerKey(s, view);
      if (key != null) {
        Matcher m = TABLE_CALL.matcher(s.via());
        m.find();
        Seen before = seen.putIfAbsent(frame.getOrDefault(w.depth(), -1) + "|" + key, new Seen(s, m.group(4), key));
        if (before != null && !before.table.equals(m.group(4))) return message(before, s, m.group(4));
      }
      frame.keySet().removeIf(d -> d > w.depth());
      frame.put(w.depth() + 1, w.stepIndex());
    }
    return null;
  }

  private record Seen(Step step, String table, String pointer) {}

  /**
   * The pointer an ops-table call step calls through ({@code m->op} for {@code m->op->stop(m, p)}),
   * when the function cannot change it: null for any other step.
   */
  private static String pointerKey(Step s, ProgramView view) {
    if (!TABLE_CALL.matcher(s.via()).find()) return null;
    if (!(Route.eventAt(view, s) instanceof Event.IndirectCall call)) return null;
    Function fn = view.function(s.function(), s.file());
    AccessPath target = call.target();
    if (target == null || target.indexed() || !(target.root() instanceof AccessPath.Var v) || target.fields().size() < 2) {
      return null;
    }
    List<String> pointer = target.fields().subList(0, target.fields().size() - 1);
    if (fn.params().stream().noneMatch(p -> p.name().equals(v.name()))) return null;
    for (Node n : fn.cfg().nodes()) {
      if (n.event() instanceof Event.Assign a && a.variable().equals(v.name())) return null;
    }
    for (Assignment a : fn.assignments()) {
      if (a.target().root() instanceof AccessPath.Var w && w.name().equals(v.name())
          && a.target().fields().size() >= pointer.size() && a.target().fields().subList(0, pointer.size()).equals(pointer)) {
        return null;
      }
    }
    return v.name() + "->" + String.join("->", pointer);
  }

  private static String message(Seen first, Step second, String table) {
    return "the witness cannot run: in one call of " + second.function() + ", " + place(first.step) + " calls through "
        + first.pointer + " into " + first.table + " and " + place(second) + " into " + table
        + ", and " + second.function() + " never changes " + first.pointer + ": one table cannot be both";
  }

  private static String place(Step s) {
    return s.file() + ":" + s.line() + ":" + s.column();
  }
}
