package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Words;

/**
 * A finding's threads as one SARIF code flow: one thread flow per thread, a location per witness
 * step with its call depth as nestingLevel, acquisitions marked ["acquire", "lock"] with the locks
 * held at that point as state, and executionOrder from {@link ExecutionOrder}; then one thread flow
 * per thread the simulator added (a waiting writer, an interrupt handler: {@link AddedThreadFlow}).
 */
final class SarifCodeFlows {
  /** GitHub keeps at most this many thread-flow locations per result. */
  static final int MAX_STEPS = 10_000;
  private final Locations locations;

  SarifCodeFlows(Locations locations) {
    this.locations = locations;
  }

  ObjectNode codeFlow(Finding f) {
    ObjectNode flow = JsonNodeFactory.instance.objectNode();
    List<Integer> added = addedColumns(f);
    int total = f.threads().size() + added.size();
    flow.set("message", Sarif.text(total + " thread" + (total == 1 ? "" : "s")
        + (added.isEmpty() ? "" : " (" + added.size() + " added by the simulator)") + " of " + f.classes().size() + "-class " + f.rule() + " finding"));
    ArrayNode threads = flow.putArray("threadFlows");
    List<int[]> order = ExecutionOrder.of(f);
    int budget = MAX_STEPS;
    Set<String> ids = new HashSet<>();
    for (int t = 0; t < f.threads().size(); t++) {
      ThreadTrace tr = f.threads().get(t);
      ObjectNode tf = threads.addObject();
      tf.put("id", "thread " + (t + 1));
      ids.add("thread " + (t + 1));
      String what = Words.edge(tr);
      String why = tr.entryReason().isEmpty() ? "" : " (" + tr.entryReason() + ")";
      tf.set("message", Sarif.text("Thread " + (t + 1) + ": starts in " + tr.entry() + why + ", " + what));
      ArrayNode locs = tf.putArray("locations");
      List<String> held = new ArrayList<>();
      for (int s = 0; s < tr.steps().size() && budget > 0; s++, budget--) {
        locs.add(step(tr, s, order.get(t)[s], held));
      }
    }
    for (int column : added) budget = new AddedThreadFlow(locations, f.simulation(), column).addTo(threads, ids, budget, f.threads().size());
    return flow;
  }

  /** The simulated threads that are no witness of the finding and have scheduled steps to show. */
  private static List<Integer> addedColumns(Finding f) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < f.simulation().threads().size(); c++) {
      final int column = c;
      boolean runs = f.simulation().schedule().stream().anyMatch(s -> s.thread() == column);
      if (ExecutionOrder.added(f, c) && runs) out.add(c);
    }
    return out;
  }

  private ObjectNode step(ThreadTrace t, int index, int executionOrder, List<String> held) {
    Step s = t.steps().get(index);
    ObjectNode tfl = JsonNodeFactory.instance.objectNode();
    String message = describe(s, t);
    Step place = Locations.inSource(s.file(), s.line()) ? s : nearestInSource(t, index);
    if (place != s) message += " (in the lock model's page-fault handler, no source line)";
    ObjectNode loc = place == null ? JsonNodeFactory.instance.objectNode() : locations.location(place.file(), place.line(), place.column(), null);
    loc.set("message", Sarif.text(message));
    tfl.set("location", loc);
    ArrayNode kinds = tfl.putArray("kinds");
    switch (s.event()) {
      case "entry" -> {
        kinds.add("enter");
        kinds.add("function");
      }
      case "call" -> {
        kinds.add("call");
        kinds.add("function");
        if (s.detail() != null && s.detail().startsWith("<")) kinds.add("implicit");
      }
      case "acquire" -> {
        kinds.add("acquire");
        kinds.add("lock");
        ObjectNode state = tfl.putObject("state");
        state.set("held", Sarif.text(held.isEmpty() ? "nothing yet on this path" : String.join(", ", held)));
        String lock = s.lock() + " (" + s.mode() + ")";
        state.set("acquiring", Sarif.text(lock));
        held.add(lock);
      }
      default -> kinds.add(s.event());
    }
    tfl.put("nestingLevel", s.depth());
    tfl.put("executionOrder", executionOrder);
    return tfl;
  }

  /** Lock-model steps have no source line: show them at the closest step of the thread that has one. */
  private static Step nearestInSource(ThreadTrace t, int index) {
    for (int d = 1; d < t.steps().size(); d++) {
      for (int j : new int[] {index - d, index + d}) {
        if (j >= 0 && j < t.steps().size()) {
          Step s = t.steps().get(j);
          if (Locations.inSource(s.file(), s.line())) return s;
        }
      }
    }
    return null;
  }

  /** One step in words, with how an indirect or implicit call was resolved. */
  static String describe(Step s, ThreadTrace t) {
    return Words.step(s, t) + (s.via() == null ? "" : " via " + s.via());
  }
}
