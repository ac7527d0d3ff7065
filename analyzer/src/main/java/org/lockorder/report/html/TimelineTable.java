package org.lockorder.report.html;

import org.lockorder.report.Simulation;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.Simulation.SimulatedThread;
import org.lockorder.report.Timeline;

/**
 * A confirmed finding's schedule as an HTML table, the text report's timeline with room to spare:
 * one column per simulated thread (its role under the name), one row per step, each step only in
 * its thread's column. Names are never shortened here; the full path is in the cell's title.
 */
final class TimelineTable {
  private TimelineTable() {}

  static void render(Simulation sim, StringBuilder sb) {
    if (sim.schedule().isEmpty() || sim.threads().isEmpty()) return;
    sb.append("<table class=\"timeline\">\n<thead><tr><th>step</th>");
    for (SimulatedThread t : sim.threads()) {
      sb.append("<th>").append(Html.esc(t.name() + ": " + t.entry()));
      String role = t.role() == null ? "" : t.role();
      if (t.witness() < 0) role = role.isEmpty() ? "added by the simulator" : role + " (added by the simulator)";
      if (!role.isEmpty()) sb.append("<div class=\"role\">").append(Html.esc(role)).append("</div>");
      sb.append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < sim.schedule().size(); i++) {
      ScheduleStep s = sim.schedule().get(i);
      sb.append("<tr><td class=\"n\">").append(i + 1).append("</td>");
      for (int c = 0; c < sim.threads().size(); c++) {
        if (c != s.thread()) {
          sb.append("<td></td>");
          continue;
        }
        sb.append("<td class=\"").append(Html.esc(s.action())).append("\"");
        if (s.line() > 0) sb.append(" title=\"").append(Html.esc(s.file() + ":" + s.line() + ":" + s.column())).append("\"");
        sb.append("><span class=\"what\">").append(Html.esc(Timeline.action(sim, s))).append("</span>");
        String where = Timeline.where(s);
        if (!where.isEmpty()) sb.append(" <span class=\"loc\">").append(Html.esc(where)).append("</span>");
        if (s.note() != null && !s.note().isBlank()) sb.append("<div class=\"note\">").append(Html.esc(s.note())).append("</div>");
        sb.append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }
}
