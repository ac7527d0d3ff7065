package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Words;

/**
 * A finding's threads as one SARIF code flow: one thread flow per thread, a location per witness
 * step with its call depth as nestingLevel, acquisitions marked ["acquire", "lock"] with the locks
 * held at that point as state, and executionOrder from {@link ExecutionOrder}.
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
    flow.set("message", Sarif.text(f.threads().size() + " thread" + (f.threads().size() == 1 ? "" : "s") + " of " + f.classes().size() + "-class " + f.rule() + " finding"));
    ArrayNode threads = flow.putArray("threadFlows");
    List<int[]> order = ExecutionOrder.of(f);
    int budget = MAX_STEPS;
    for (int t = 0; t < f.threads().size(); t++) {
      ThreadTrace tr = f.threads().get(t);
      ObjectNode tf = threads.addObject();
      tf.put("id", "thread " + (t + 1));
      String what = Words.edge(tr);
      String why = tr.entryReason().isEmpty() ? "" : " (" + tr.entryReason() + ")";
      tf.set("message", Sarif.text("Thread " + (t + 1) + ": starts in " + tr.entry() + why + ", " + what));
      ArrayNode locs = tf.putArray("locations");
      List<String> held = new ArrayList<>();
      for (int s = 0; s < tr.steps().size() && budget > 0; s++, budget--) {
        locs.add(step(tr, s, order.get(t)[s], held));
      }
    }
    return flow;
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
