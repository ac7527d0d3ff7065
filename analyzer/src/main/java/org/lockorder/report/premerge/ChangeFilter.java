package org.lockorder.report.premerge;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;

/**
 * --new-from-rev: keeps the findings that have an edge in changed lines (an acquisition or a call
 * of some thread's witness on a changed line) and moves their primary location there: it stays
 * on the closing acquisition if that line changed, else moves to the first changed acquisition,
 * else to the first changed call.
 */
public final class ChangeFilter {
  /** The findings kept, and how many were left out. */
  public record Result(List<Finding> findings, int outside) {}

  private ChangeFilter() {}

  public static Result apply(List<Finding> findings, ChangedLines changed) {
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (changed.changed(f.file(), f.line())) {
        kept.add(f);
        continue;
      }
      Step at = first(f, changed, "acquire");
      if (at == null) at = first(f, changed, "call");
      if (at != null) kept.add(f.at(at.file(), at.line(), at.column()));
    }
    return new Result(kept, findings.size() - kept.size());
  }

  /** Whether {@link #apply} keeps {@code f}: its primary location or a step of a witness is on a changed line. */
  public static boolean touches(Finding f, ChangedLines changed) {
    return changed.changed(f.file(), f.line()) || first(f, changed, "acquire") != null || first(f, changed, "call") != null;
  }

  private static Step first(Finding f, ChangedLines changed, String event) {
    for (ThreadTrace t : f.threads()) {
      for (Step s : t.steps()) if (s.event().equals(event) && changed.changed(s.file(), s.line())) return s;
    }
    return null;
  }
}
