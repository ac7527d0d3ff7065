package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lockorder.report.Simulation;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.Simulation.SimulatedThread;
import org.lockorder.report.Timeline;

/**
 * A thread the simulator added to a finding (a waiting writer, an interrupt handler, the second
 * instance running a witness's path) as one more SARIF thread flow: it has no witness chain, so its locations are its own schedule steps, each at
 * its schedule position as executionOrder. Reviewers then see in the code flow why readers alone
 * deadlock: the writer that queues between them.
 */
final class AddedThreadFlow {
  private final Locations locations;
  private final Simulation sim;
  private final int column;

  AddedThreadFlow(Locations locations, Simulation sim, int column) {
    this.locations = locations;
    this.sim = sim;
    this.column = column;
  }

  /**
   * Appends the flow to {@code flows} within {@code budget} locations; returns what is left.
   *
   * @param witnesses how many witness threads the finding has: a thread whose witness index is
   *     below it re-runs that witness's path (the other instance), it was not added from nothing
   */
  int addTo(ArrayNode flows, Set<String> ids, int budget, int witnesses) {
    SimulatedThread t = sim.threads().get(column);
    List<Integer> positions = new ArrayList<>();
    for (int k = 0; k < sim.schedule().size(); k++) if (sim.schedule().get(k).thread() == column) positions.add(k);
    if (positions.isEmpty() || budget <= 0) return budget;
    ObjectNode tf = flows.addObject();
    // Thread flow ids must be unique within the code flow; the simulator's names are, but a
    // witness flow may already use the same "thread N".
    String id = ids.add(t.name()) ? t.name() : t.name() + " (added)";
    ids.add(id);
    tf.put("id", id);
    String role = t.role() == null || t.role().isBlank() ? "" : ": " + t.role();
    String origin = t.witness() >= 0 && t.witness() < witnesses
        ? ", the path of thread " + (t.witness() + 1) + " run again by the simulator" : ", added by the simulator";
    tf.set("message", Sarif.text(capitalized(t.name()) + origin + role + "; starts in " + t.entry()));
    ArrayNode locs = tf.putArray("locations");
    List<String> held = new ArrayList<>();
    for (int i = 0; i < positions.size() && budget > 0; i++, budget--) locs.add(step(positions, i, held));
    return budget;
  }

  private ObjectNode step(List<Integer> positions, int i, List<String> held) {
    ScheduleStep s = sim.schedule().get(positions.get(i));
    ObjectNode tfl = JsonNodeFactory.instance.objectNode();
    String message = Timeline.action(sim, s) + (s.note() == null ? "" : ": " + s.note());
    ScheduleStep place = Locations.inSource(s.file(), s.line()) ? s : nearestInSource(positions, i);
    if (place != s) message += " (in the lock model, no source line)";
    ObjectNode loc = place == null ? JsonNodeFactory.instance.objectNode() : locations.location(place.file(), place.line(), place.column(), null);
    loc.set("message", Sarif.text(message));
    tfl.set("location", loc);
    ArrayNode kinds = tfl.putArray("kinds");
    String lock = s.lock() + (s.mode() == null ? "" : " (" + s.mode() + ")");
    switch (s.action()) {
      case "acquire", "blocks" -> {
        kinds.add("acquire");
        kinds.add("lock");
        if (s.action().equals("blocks")) kinds.add("danger");
        ObjectNode state = tfl.putObject("state");
        state.set("held", Sarif.text(held.isEmpty() ? "nothing" : String.join(", ", held)));
        state.set(s.action().equals("blocks") ? "waitingFor" : "acquiring", Sarif.text(lock));
        if (s.action().equals("acquire")) held.add(lock);
      }
      case "release" -> {
        kinds.add("release");
        kinds.add("lock");
        held.removeIf(h -> h.startsWith(s.lock() + " (") || h.equals(s.lock()));
      }
      case "interrupt" -> {
        kinds.add("enter");
        kinds.add("handler");
      }
      default -> kinds.add(s.action());
    }
    if (s.action().equals("blocks")) tfl.put("importance", "essential");
    tfl.put("nestingLevel", 0);
    tfl.put("executionOrder", positions.get(i) + 1);
    return tfl;
  }

  /** A step inside the lock model is shown at the nearest step of the same thread that has a source line. */
  private ScheduleStep nearestInSource(List<Integer> positions, int index) {
    for (int d = 1; d < positions.size(); d++) {
      for (int j : new int[] {index - d, index + d}) {
        if (j >= 0 && j < positions.size()) {
          ScheduleStep s = sim.schedule().get(positions.get(j));
          if (Locations.inSource(s.file(), s.line())) return s;
        }
      }
    }
    return null;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
