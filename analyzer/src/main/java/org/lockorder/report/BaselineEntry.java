package org.lockorder.report;

import java.util.List;

/**
 * One accepted finding in a baseline file, keyed by its {@link Fingerprint}; the other fields
 * are there for people reading the file and for listing stale entries.
 */
public record BaselineEntry(String fingerprint, String rule, List<String> classes, List<String> entries, String file) {
  public BaselineEntry {
    classes = List.copyOf(classes);
    entries = List.copyOf(entries);
  }

  public static BaselineEntry of(Finding f) {
    return new BaselineEntry(
        f.fingerprint(), f.rule(), f.classes(), f.threads().stream().map(ThreadTrace::entry).toList(), f.file());
  }

  /** "LO001 a -> b -> a (entries f, g)". */
  public String describe() {
    String cycle = String.join(" -> ", classes) + (classes.size() > 1 ? " -> " + classes.get(0) : "");
    return rule + " " + cycle + " (entr" + (entries.size() == 1 ? "y " : "ies ") + String.join(", ", entries) + ")";
  }
}
