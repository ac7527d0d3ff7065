package org.lockorder.report.premerge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;
import org.lockorder.report.Suppression;
import org.lockorder.report.ThreadTrace;

/** Marks the findings that a suppression comment covers: one on any acquisition of the witness. */
public final class Suppressions {
  private Suppressions() {}

  public static List<Finding> apply(List<Finding> findings, List<SuppressionMarker> markers) {
    if (markers.isEmpty()) return findings;
    Map<String, List<SuppressionMarker>> byLine = new HashMap<>();
    for (SuppressionMarker m : markers) byLine.computeIfAbsent(m.file() + ":" + m.appliesTo(), k -> new ArrayList<>()).add(m);
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      SuppressionMarker hit = find(f, byLine);
      out.add(hit == null ? f : f.withReview(f.review().withSuppression(
          new Suppression(hit.reason(), hit.file(), hit.line(), hit.column()))));
    }
    return out;
  }

  private static SuppressionMarker find(Finding f, Map<String, List<SuppressionMarker>> byLine) {
    for (ThreadTrace t : f.threads()) {
      for (Step s : t.steps()) {
        if (!s.event().equals("acquire") || s.line() <= 0) continue;
        for (SuppressionMarker m : byLine.getOrDefault(s.file() + ":" + s.line(), List.of())) {
          if (m.rules().contains(f.rule())) return m;
        }
      }
    }
    return null;
  }
}
