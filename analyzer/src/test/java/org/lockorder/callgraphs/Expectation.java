package org.lockorder.callgraphs;

import java.util.ArrayList;
import java.util.List;

/**
 * One inline expectation of a callgraphs/ example, e.g.
 * {@code /* expect LO001: inode.i_rwsem -> mm_struct.mmap_lock *\/} on line 93.
 *
 * @param kind EXPECT (must be reported), GAP (known miss: must not be reported yet), FP (known
 *     false alarm: reported and tolerated)
 * @param gated the finding must be serialized by a gate lock (a note, not a failure)
 * @param classes the cycle's classes as written
 * @param reason the text after the em dash, for gaps and false positives
 * @param verdict the simulator's expected verdict: written as "[not-reproduced]" after the
 *     classes, else "not-reproduced" for a gated expectation and "confirmed" otherwise
 */
record Expectation(Kind kind, String rule, boolean gated, List<String> classes, int line, String reason, String verdict) {

  enum Kind {
    EXPECT,
    GAP,
    FP
  }

  /**
   * The classes as the tool reports them: a cycle (LO001) rotated so the smallest comes first; an
   * interrupt-safety path (LO003) is ordered, safe class first, and stays as written.
   */
  List<String> canonical() {
    if (rule.equals("LO003")) return classes;
    int min = 0;
    for (int i = 1; i < classes.size(); i++) if (classes.get(i).compareTo(classes.get(min)) < 0) min = i;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) out.add(classes.get((min + i) % classes.size()));
    return out;
  }

  @Override
  public String toString() {
    String k = switch (kind) {
      case EXPECT -> "expect";
      case GAP -> "expect-gap";
      case FP -> "expect-fp";
    };
    return "line " + line + ": " + k + " " + rule + (gated ? " gated" : "") + ": " + String.join(" -> ", classes) + " [" + verdict + "]";
  }
}
