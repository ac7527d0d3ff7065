package org.lockorder.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per phase of a run, for {@code --timings}: where a long run on a whole tree goes.
 * Phases keep the order they first ran in; a phase that runs once per program (--per-file) adds
 * up. Not part of any report: times differ from run to run, reports must not.
 */
public final class PhaseTimes {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final Map<String, String> details = new LinkedHashMap<>();
  private final Map<String, Long> detailWeights = new LinkedHashMap<>();

  /** Runs {@code phase} and adds its wall time to {@code name}. */
  public <T> T time(String name, Supplier<T> phase) {
    long start = System.nanoTime();
    try {
      return phase.get();
    } finally {
      add(name, System.nanoTime() - start);
    }
  }

  public void add(String name, long elapsedNanos) {
    nanos.merge(name, elapsedNanos, Long::sum);
  }

  /**
   * A note printed beside the phase, such as what took most of it. Of several notes (one per
   * program with --per-file) the one with the largest {@code weight} is kept.
   */
  public void detail(String name, long weight, String detail) {
    Long was = detailWeights.get(name);
    if (was != null && was >= weight) return;
    detailWeights.put(name, weight);
    details.put(name, detail);
  }

  /** One line per phase, then the total of the phases: "  name  12.3 s  (detail)". */
  public String format() {
    int width = "total".length();
    for (String name : nanos.keySet()) width = Math.max(width, name.length());
    StringBuilder sb = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : nanos.entrySet()) {
      total += e.getValue();
      line(sb, width, e.getKey(), e.getValue(), details.get(e.getKey()));
    }
    line(sb, width, "total", total, null);
    return sb.toString();
  }

  private static void line(StringBuilder sb, int width, String name, long elapsed, String detail) {
    sb.append(String.format(Locale.ROOT, "  %-" + width + "s %7.1f s", name, elapsed / 1e9));
    if (detail != null) sb.append("  (").append(detail).append(')');
    sb.append('\n');
  }
}
