package org.lockorder.report;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.Simulation.SimulatedThread;

/**
 * A confirmed finding's schedule as a plain-ASCII table: one column per simulated thread, one row
 * per step, each step written only in the column of the thread that runs it. It imitates the
 * tables kernel developers draw by hand on the mailing list (Jan Kara's in shared/seeds/003):
 * reading down a column is one thread, reading down the rows is time.
 *
 * <p>Plain ASCII so that it survives every terminal, mail client and CI log; every column has the
 * same width (at most {@link #MAX_CELL}) so that the table stays readable at a glance; a cell too
 * long for that continues on indented lines, and only a lock name too long for a line by itself is
 * shortened, in the middle (the file:line, which is what the reader looks up, is never cut).
 */
public final class Timeline {
  /** The widest a cell may be: four columns still fit a 200-column terminal. */
  static final int MAX_CELL = 44;
  /** A name is never shortened below this ("mm_s...ock"); the whole action is cut instead. */
  private static final int MIN_NAME = 9;

  private Timeline() {}

  /** The table's lines, without indentation or trailing spaces; none for an empty schedule. */
  public static List<String> lines(Simulation sim) {
    List<String> out = new ArrayList<>();
    if (sim.schedule().isEmpty() || sim.threads().isEmpty()) return out;
    int columns = sim.threads().size();
    List<String> headers = new ArrayList<>();
    for (SimulatedThread t : sim.threads()) headers.add(ellipsize(t.name() + ": " + t.entry(), MAX_CELL));
    List<List<String>> cells = new ArrayList<>();
    for (ScheduleStep s : sim.schedule()) cells.add(cell(sim, s));
    int width = 0;
    for (String h : headers) width = Math.max(width, h.length());
    for (List<String> c : cells) for (String l : c) width = Math.max(width, l.length());
    int num = Math.max("step".length(), String.valueOf(sim.schedule().size()).length());

    out.add(row(pad("step", num, true), headers, width));
    StringBuilder rule = new StringBuilder("-".repeat(num + 1));
    for (int c = 0; c < columns; c++) rule.append('+').append("-".repeat(width + 2));
    out.add(rule.toString());
    for (int i = 0; i < cells.size(); i++) {
      int column = sim.schedule().get(i).thread();
      List<String> cell = cells.get(i);
      for (int k = 0; k < cell.size(); k++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < columns; c++) row.add(c == column ? cell.get(k) : "");
        out.add(row(pad(k == 0 ? String.valueOf(i + 1) : "", num, true), row, width));
      }
    }
    return out;
  }

  /** One line per thread under the table: what it is, and whether the simulator added it. */
  public static List<String> legend(Simulation sim) {
    List<String> out = new ArrayList<>();
    for (SimulatedThread t : sim.threads()) {
      String role = t.role() == null || t.role().isBlank() ? "starts in " + t.entry() : t.role();
      out.add(t.name() + (t.witness() < 0 ? " (added by the simulator)" : "") + ": " + role);
    }
    return out;
  }

  /** What a step does, in full: "acquire inode.i_rwsem (W)", "BLOCKS on mm_struct.mmap_lock (r)". */
  public static String action(Simulation sim, ScheduleStep s) {
    String[] p = parts(sim, s);
    return p[0] + p[1] + p[2];
  }

  /** Where a step runs: "buggy.c:130", or the file alone ("&lt;lock model&gt;") without a line. */
  public static String where(ScheduleStep s) {
    if (s.file() == null || s.file().isEmpty()) return "";
    String f = s.file();
    int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
    String base = f.startsWith("<") ? f : f.substring(slash + 1);
    return s.line() > 0 ? base + ":" + s.line() : base;
  }

  /**
   * The step as text split around the one part that may be shortened: {prefix, name, suffix}, e.g.
   * {"acquire ", "inode.i_rwsem", " (W)"} or {"interrupt: ", "handler", " runs on this CPU"}.
   */
  private static String[] parts(Simulation sim, ScheduleStep s) {
    String mode = s.mode() == null ? "" : " (" + s.mode() + ")";
    String lock = s.lock() == null ? "?" : s.lock();
    return switch (s.action()) {
      case "acquire" -> new String[] {"acquire ", lock, mode};
      case "release" -> new String[] {"release ", lock, ""};
      // A thread stuck under an interrupt handler waits for no lock; the note says so.
      case "blocks" -> s.lock() == null ? new String[] {"BLOCKS", "", ""} : new String[] {"BLOCKS on ", lock, mode};
      // In the interrupted thread's column the handler runs "on this CPU"; in the handler's own
      // column it simply starts, and the note names the CPU.
      case "interrupt" -> new String[] {"interrupt: ", handler(s), ownColumn(sim, s) ? " starts" : " runs on this CPU"};
      default -> new String[] {s.action() + " ", lock, mode};
    };
  }

  private static boolean ownColumn(Simulation sim, ScheduleStep s) {
    return s.thread() >= 0 && s.thread() < sim.threads().size() && sim.threads().get(s.thread()).entry().equals(handler(s));
  }

  /** The interrupt handler: the function the step runs in, else the call that raised it. */
  private static String handler(ScheduleStep s) {
    if (s.function() != null && !s.function().isEmpty()) return s.function();
    return s.api() == null ? "?" : s.api();
  }

  /**
   * A cell's lines: "action  file:line" when that fits; else the location moves to a line of its
   * own (nothing is lost), and only an action too long by itself has its name shortened. Then the
   * note (why a blocked thread waits), indented.
   */
  static List<String> cell(Simulation sim, ScheduleStep s) {
    List<String> lines = new ArrayList<>();
    String where = where(s);
    String action = fit(sim, s, MAX_CELL);
    if (action == null) action = ellipsize(action(sim, s), MAX_CELL);
    if (where.isEmpty()) {
      lines.add(action);
    } else if (action.length() + 2 + where.length() <= MAX_CELL) {
      lines.add(action + "  " + where);
    } else {
      lines.add(action);
      lines.add("  " + ellipsize(where, MAX_CELL - 2));
    }
    if (s.note() != null && !s.note().isBlank()) {
      for (String l : wrap(s.note().strip(), MAX_CELL - 2)) lines.add("  " + l);
    }
    return lines;
  }

  /** The action within {@code max} characters by shortening its name, or null if it cannot be. */
  private static String fit(Simulation sim, ScheduleStep s, int max) {
    String[] p = parts(sim, s);
    int fixed = p[0].length() + p[2].length();
    if (fixed + p[1].length() <= max) return p[0] + p[1] + p[2];
    int room = max - fixed;
    if (room < MIN_NAME) return null;
    return p[0] + ellipsize(p[1], room) + p[2];
  }

  /** {@code s} within {@code max} characters, its middle replaced by "...". */
  static String ellipsize(String s, int max) {
    if (s.length() <= max) return s;
    if (max <= 3) return s.substring(0, Math.max(0, max));
    int keep = max - 3;
    int head = (keep + 1) / 2;
    return s.substring(0, head) + "..." + s.substring(s.length() - (keep - head));
  }

  /** Greedy word wrap; a word longer than a line is shortened in the middle. */
  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String w = ellipsize(word, width);
      if (line.length() > 0 && line.length() + 1 + w.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(w);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  private static String row(String number, List<String> cells, int width) {
    StringBuilder sb = new StringBuilder(number);
    for (String c : cells) sb.append(" | ").append(pad(c, width, false));
    return stripTrailing(sb.toString());
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') end--;
    return s.substring(0, end);
  }
}
