package org.lockorder.sim;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.ir.Location;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;

/**
 * Where a thread must go: its entry function, then waypoints in order, each at a call depth below
 * the entry (0 = the entry function itself). A {@link Kind#CALL} waypoint is a call the thread
 * takes and enters; a {@link Kind#EVENT} waypoint is an acquisition it performs. Read from a
 * finding's witness, so the walk follows the same chain the report shows.
 */
record Route(String entry, String entryFile, List<Waypoint> waypoints) {

  enum Kind { CALL, EVENT }

  /** What an event waypoint is to the finding. */
  enum Role {
    NONE,
    /** The lock the thread holds (the edge's "from"). */
    HELD,
    /** The thread's last acquisition, where it blocks in a deadlock (the edge's "to"). */
    FINAL
  }

  /**
   * @param function the function the waypoint is in
   * @param callee for a call, the function entered
   * @param stepIndex index of the witness step it comes from, or -1
   */
  record Waypoint(
      int depth, Kind kind, String function, Location location, String callee, Role role, int stepIndex, String lock) {}

  Route {
    waypoints = List.copyOf(waypoints);
  }

  /**
   * The route of one witness thread: its call steps and acquisitions. With two acquisitions the
   * first is held and the second final; a single one (an interrupt usage) is final.
   */
  static Route of(ThreadTrace t) {
    return of(t, true);
  }

  /**
   * The route of one witness thread whose second site's chain repeats a call of the first's: as
   * two calls, one after the other (a loop around {@code vm_lock_mapping(mm, vma->mapping)}),
   * where {@link #of(ThreadTrace)} reads them as one call that reaches both sites (a wrapper such as
   * {@code lock_pair}, or a loop inside the callee). Null when the chain repeats no call.
   */
  static Route ofRepeatedCalls(ThreadTrace t) {
    Route shared = of(t, true);
    Route separate = of(t, false);
    return separate.waypoints().size() == shared.waypoints().size() ? null : separate;
  }

  private static Route of(ThreadTrace t, boolean shareRepeatedCalls) {
    List<Step> steps = t.steps();
    Step entry = steps.get(0);
    int lastAcquire = -1;
    int firstAcquire = -1;
    for (int i = 1; i < steps.size(); i++) {
      if (!steps.get(i).event().equals("acquire")) continue;
      if (firstAcquire < 0) firstAcquire = i;
      lastAcquire = i;
    }
    List<Waypoint> wps = new ArrayList<>();
    // Calls before the held acquisition, by depth: the acquired site's chain repeats the ones the
    // thread is still inside (both sites seen through one call of a wrapper such as lock_pair).
    java.util.Map<Integer, Step> open = new java.util.HashMap<>();
    boolean shared = shareRepeatedCalls && firstAcquire > 0;
    for (int i = 1; i < steps.size(); i++) {
      Step s = steps.get(i);
      Location at = new Location(s.file(), s.line(), s.column());
      if (i < firstAcquire && s.event().equals("call")) open.put(s.depth(), s);
      if (i > firstAcquire && firstAcquire > 0 && shared) {
        Step o = open.get(s.depth());
        if (s.event().equals("call") && o != null && sameCall(o, s)) continue;
        shared = false;
      }
      if (s.event().equals("call")) {
        wps.add(new Waypoint(s.depth(), Kind.CALL, s.function(), at, s.detail(), Role.NONE, i, null));
      } else if (s.event().equals("acquire")) {
        Role role = i == lastAcquire ? Role.FINAL : i == firstAcquire ? Role.HELD : Role.NONE;
        wps.add(new Waypoint(s.depth(), Kind.EVENT, s.function(), at, null, role, i, s.lock()));
      }
    }
    return new Route(entry.function(), entry.file(), wps);
  }

  /**
   * The event at a witness step's position in the function the step is in (the call a call step
   * makes), or null when the function or the node is not found.
   */
  static org.lockorder.ir.Event eventAt(org.lockorder.analysis.ProgramView view, Step s) {
    org.lockorder.ir.Function fn = view.function(s.function(), s.file());
    if (fn == null) return null;
    for (org.lockorder.ir.Node n : fn.cfg().nodes()) {
      Location at = n.event() == null ? null : n.event().location();
      if (at != null && at.line() == s.line() && at.column() == s.column()) return n.event();
    }
    return null;
  }

  private static boolean sameCall(Step a, Step b) {
    return a.line() == b.line() && a.column() == b.column() && a.file().equals(b.file()) && a.detail().equals(b.detail());
  }

  /** A thread that runs {@code function} from its entry up to the event at {@code target}. */
  static Route toEvent(String function, String file, Location target) {
    return new Route(function, file, List.of(new Waypoint(0, Kind.EVENT, function, target, null, Role.FINAL, -1, null)));
  }

  /** A thread that runs {@code function} to its end, along any path. */
  static Route whole(String function, String file) {
    return new Route(function, file, List.of());
  }
}
