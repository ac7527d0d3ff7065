package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.report.Finding;
import org.lockorder.report.Fingerprint;
import org.lockorder.report.Rule;
import org.lockorder.report.Step;
import org.lockorder.report.Suppression;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Words;

/**
 * One SARIF result per finding: the closing acquisition as primary location, every acquisition
 * site as a related location linked from the message, the threads as one code flow, the
 * simulator's verdict (ending the message, and in the properties with its reason), and the
 * line-free fingerprint.
 */
final class SarifResults {
  /** GitHub keeps at most this many locations per result. */
  static final int MAX_RELATED = 1000;
  private final Locations locations;

  SarifResults(Locations locations) {
    this.locations = locations;
  }

  ObjectNode result(Finding f) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("ruleId", f.rule());
    Rule rule = Rule.byId(f.rule());
    if (rule != null) r.put("ruleIndex", rule.ordinal());
    r.put("level", f.severity().equals("note") ? "note" : "warning");
    Map<String, Integer> ids = new LinkedHashMap<>();
    ArrayNode related = JsonNodeFactory.instance.arrayNode();
    StringBuilder msg = new StringBuilder(Sarif.escape(f.message())).append('.');
    int n = 1;
    for (ThreadTrace t : f.threads()) {
      List<String> taken = new ArrayList<>();
      for (Step s : t.steps()) {
        if (!s.event().equals("acquire")) continue;
        String lock = s.lock() + " (" + s.mode() + ")";
        if (!Locations.inSource(s.file(), s.line())) {
          taken.add(Sarif.escape(lock) + " in the page-fault handler");
          continue;
        }
        String key = s.file() + ":" + s.line() + ":" + s.column();
        Integer id = ids.get(key);
        if (id == null && ids.size() < MAX_RELATED) {
          id = ids.size() + 1;
          ids.put(key, id);
          ObjectNode loc = related.addObject().put("id", id);
          loc.setAll(locations.location(s.file(), s.line(), s.column(), SarifCodeFlows.describe(s, t)));
        }
        taken.add(id == null ? Sarif.escape(lock) : Sarif.link(lock, id));
      }
      msg.append(n == 1 ? " Thread " : "; thread ").append(n++).append(" acquires ").append(String.join(", then ", taken));
    }
    msg.append(". Verdict: ").append(Sarif.escape(stripPeriod(Words.verdict(f.simulation())))).append('.');
    r.set("message", Sarif.text(msg.toString()));
    ArrayNode locs = r.putArray("locations");
    Step primary = primary(f);
    locs.add(primary == null
        ? locations.location(f.file(), Math.max(1, f.line()), f.column(), null)
        : locations.location(primary.file(), primary.line(), primary.column(), null));
    if (!related.isEmpty()) r.set("relatedLocations", related);
    r.putArray("codeFlows").add(new SarifCodeFlows(locations).codeFlow(f));
    r.putObject("partialFingerprints").put(Fingerprint.KEY, f.fingerprint());
    if (f.review().baseline() != null) r.put("baselineState", f.review().baseline());
    if (f.suppressed()) r.putArray("suppressions").add(suppression(f.review().suppression()));
    ObjectNode props = r.putObject("properties");
    f.classes().forEach(props.putArray("classes")::add);
    props.put("verdict", f.verdict());
    props.put("verdictReason", f.simulation().reason());
    f.gatedBy().forEach(props.putArray("gatedBy")::add);
    props.put("failing", f.failing());
    return r;
  }

  /**
   * The primary location: the finding's own when it is in a source file; when the closing
   * acquisition happens inside the lock model (the page-fault handler), the last acquisition in
   * source, since a result needs a place in the code.
   */
  private static Step primary(Finding f) {
    if (Locations.inSource(f.file(), f.line())) return new Step(f.file(), f.line(), f.column(), null, "acquire", null, null, null, null, 0);
    Step last = null;
    for (ThreadTrace t : f.threads()) {
      for (Step s : t.steps()) if (Locations.inSource(s.file(), s.line()) && (last == null || s.event().equals("acquire"))) last = s;
    }
    return last;
  }

  /** The verdict's reason may end a sentence itself; the message adds its own period. */
  private static String stripPeriod(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private ObjectNode suppression(Suppression s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("kind", "inSource");
    o.put("status", "accepted");
    o.put("justification", s.justification());
    o.set("location", locations.location(s.file(), s.line(), s.column(), null));
    return o;
  }
}
