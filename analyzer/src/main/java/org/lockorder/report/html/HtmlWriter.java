package org.lockorder.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.report.Finding;
import org.lockorder.report.LockGraph;
import org.lockorder.report.Report;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;
import org.lockorder.report.Verdict;
import org.lockorder.report.Words;
import org.lockorder.source.Diagnostic;

/**
 * One self-contained HTML page per run: the lock-order graph of each program laid out by ELK and
 * drawn as inline SVG, then every finding with its threads' witness chains and the source line of
 * each step, its verdict and, when the simulator confirmed it, the timeline; then the diagnostics. Styles and the small script are inline; the page loads
 * nothing from anywhere (its Content-Security-Policy forbids it). No timestamps: the same report
 * gives the same bytes.
 */
public final class HtmlWriter {
  /** Graphs with more classes are drawn reduced to the classes on findings' edges. */
  static final int MAX_DRAWN_CLASSES = 300;
  private final SourceLines sources = new SourceLines();

  public void write(Report report, Writer out) throws IOException {
    List<LockGraph.Program> programs = report.graph().programs();
    Map<String, String> edgeIds = new HashMap<>();
    StringBuilder graphs = new StringBuilder();
    for (int p = 0; p < programs.size(); p++) graphs.append(graph(p, programs.get(p), edgeIds));
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>lockorder report</title>\n<style>\n").append(resource("page.css")).append("</style>\n</head>\n<body>\n");
    sb.append(SvgGraph.markers());
    summary(report, sb);
    sb.append("<h2 id=\"graph\">Lock-order graph</h2>\n");
    sb.append("<p>Boxes are lock classes; an arrow A → B means B was acquired while A was held, labelled with lockdep's dependency types. Red edges belong to findings; pointing at a finding below highlights its edges.</p>\n");
    sb.append(graphs.length() == 0 ? "<p>No lock-order edges.</p>\n" : graphs);
    sb.append("<h2 id=\"findings\">Findings</h2>\n");
    if (report.findings().isEmpty()) sb.append("<p>No findings.</p>\n");
    for (int i = 0; i < report.findings().size(); i++) finding(i + 1, report.findings().get(i), programOf(report.findings().get(i), programs), edgeIds, sb);
    if (!report.diagnostics().isEmpty()) {
      sb.append("<h2 id=\"diagnostics\">Diagnostics</h2>\n<ul class=\"diagnostics\">\n");
      for (Diagnostic d : report.diagnostics()) sb.append("<li>").append(Html.esc(d.toString())).append("</li>\n");
      sb.append("</ul>\n");
    }
    sb.append("<footer>").append(Html.esc(report.tool() + " " + report.version())).append("</footer>\n");
    sb.append("<script>\n").append(resource("page.js")).append("</script>\n</body>\n</html>\n");
    out.write(sb.toString());
    out.flush();
  }

  private static void summary(Report report, StringBuilder sb) {
    Report.Stats s = report.stats();
    sb.append("<h1>lockorder report</h1>\n<table class=\"summary\">\n");
    row(sb, "findings", report.findings().size() + " (" + report.failing() + " failing"
        + (report.review().suppressed() > 0 ? ", " + report.review().suppressed() + " suppressed" : "") + ")");
    row(sb, "files", s.files() + " (" + s.functionBodiesParsed() + " of " + s.functionBodies() + " function bodies parsed)");
    row(sb, "lock classes / edges", s.lockClasses() + " / " + s.lockOrderEdges());
    row(sb, "diagnostics", String.valueOf(report.diagnostics().size()));
    if (report.review().baseline() != null) {
      var b = report.review().baseline();
      row(sb, "baseline", b.file() + ": " + b.newFindings() + " new, " + b.unchanged() + " unchanged, " + b.stale().size() + " stale");
    }
    if (report.review().change() != null) {
      row(sb, "changed since", report.review().change().rev() + " (" + report.review().change().outside() + " findings outside the change left out)");
    }
    sb.append("</table>\n");
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><td>").append(Html.esc(k)).append("</td><td>").append(Html.esc(v)).append("</td></tr>\n");
  }

  private static String graph(int index, LockGraph.Program program, Map<String, String> edgeIds) {
    if (program.edges().isEmpty()) return "";
    LockGraph.Program drawn = program;
    String note = "";
    if (program.classes().size() > MAX_DRAWN_CLASSES) {
      drawn = reduced(program);
      note = "<p>" + program.classes().size() + " classes: only the " + drawn.classes().size() + " on findings' edges are drawn.</p>\n";
      if (drawn.edges().isEmpty()) return "<details><summary>" + Html.esc(program.name()) + "</summary>\n" + note + "</details>\n";
    }
    List<String> ids = new ArrayList<>();
    boolean findings = false;
    for (int e = 0; e < drawn.edges().size(); e++) {
      LockGraph.Edge edge = drawn.edges().get(e);
      String id = "e" + index + "-" + e;
      ids.add(id);
      edgeIds.put(index + "\u0000" + edge.from() + "\u0000" + edge.to(), id);
      findings |= edge.finding();
    }
    String svg = SvgGraph.render(GraphLayout.layout(drawn), ids, program.name());
    return "<details" + (findings ? " open" : "") + "><summary>" + Html.esc(program.name()) + " — " + program.classes().size()
        + " classes, " + program.edges().size() + " edges</summary>\n" + note + "<div class=\"graphbox\">\n" + svg + "</div>\n</details>\n";
  }

  private static LockGraph.Program reduced(LockGraph.Program p) {
    List<LockGraph.Edge> edges = p.edges().stream().filter(LockGraph.Edge::finding).toList();
    Set<String> classes = new java.util.TreeSet<>();
    for (LockGraph.Edge e : edges) {
      classes.add(e.from());
      classes.add(e.to());
    }
    return new LockGraph.Program(p.name(), List.copyOf(classes), edges);
  }

  /** The program a finding belongs to: the one named after its file (per-file), else the only one. */
  private static int programOf(Finding f, List<LockGraph.Program> programs) {
    for (int i = 0; i < programs.size(); i++) if (programs.get(i).name().equals(f.file())) return i;
    for (int i = 0; i < programs.size(); i++) if (programs.get(i).classes().containsAll(f.classes())) return i;
    return -1;
  }

  private void finding(int n, Finding f, int program, Map<String, String> edgeIds, StringBuilder sb) {
    Set<String> ids = new LinkedHashSet<>();
    for (ThreadTrace t : f.threads()) {
      String id = edgeIds.get(program + "\u0000" + t.holds() + "\u0000" + t.acquires());
      if (id != null) ids.add(id);
    }
    sb.append("<section class=\"finding\" id=\"finding-").append(n).append("\" data-edges=\"").append(String.join(" ", ids)).append("\">\n");
    sb.append("<h3><span class=\"badge ").append(f.severity().equals("note") ? "note" : "warning").append("\">")
        .append(Html.esc(f.rule() + " " + f.severity())).append("</span>");
    if (f.suppressed()) sb.append("<span class=\"badge ok\">suppressed</span>");
    if (f.review().baseline() != null) sb.append("<span class=\"badge ").append(f.failing() ? "warning" : "ok").append("\">").append(Html.esc(f.review().baseline())).append("</span>");
    sb.append(Html.esc(f.message())).append("</h3>\n");
    sb.append("<div class=\"loc\">").append(Html.esc(f.file() + ":" + f.line() + ":" + f.column())).append("</div>\n");
    if (f.threads().stream().allMatch(t -> !t.holds().isEmpty()) && f.threads().size() > 0) {
      StringBuilder cycle = new StringBuilder();
      for (ThreadTrace t : f.threads()) cycle.append(t.holds()).append(" (").append(t.holdsMode()).append(") -(").append(t.dependency()).append(")→ ");
      cycle.append(f.threads().get(f.threads().size() - 1).acquires());
      sb.append("<p class=\"cycle\">").append(Html.esc(cycle.toString())).append("</p>\n");
    }
    // As in the text report: the static gate remark only while the simulator's reason is missing.
    if (!f.gatedBy().isEmpty() && f.simulation().verdict() == Verdict.UNCHECKED) {
      sb.append("<p>Not a deadlock: every thread holds ").append(Html.esc(String.join(", ", f.gatedBy()))).append(".</p>\n");
    }
    if (f.suppressed()) sb.append("<p>Suppressed: ").append(Html.esc(f.review().suppression().justification())).append("</p>\n");
    int t = 1;
    for (ThreadTrace tr : f.threads()) {
      sb.append("<h4>Thread ").append(t++).append(": ").append(Html.esc(Words.edge(tr))).append("</h4>\n<ol class=\"steps\">\n");
      for (Step s : tr.steps()) step(s, tr, sb);
      sb.append("</ol>\n");
    }
    verdict(f, sb);
    sb.append("</section>\n");
  }

  /** The verdict badge and reason under the witness chains, then a confirmed deadlock's timeline. */
  private static void verdict(Finding f, StringBuilder sb) {
    Verdict v = f.simulation().verdict();
    String badge = switch (v) {
      case CONFIRMED -> "warning";
      case NOT_REPRODUCED -> "ok";
      default -> "note";
    };
    // An unchecked simulation's stored reason only names the option; say what it means.
    String reason = f.simulation().disabled() ? "simulation disabled" : f.simulation().reason() == null ? "" : f.simulation().reason().strip();
    sb.append("<p class=\"verdict\">Verdict: <span class=\"badge ").append(badge).append("\">").append(Html.esc(v.label())).append("</span>")
        .append(Html.esc(reason)).append("</p>\n");
    if (v == Verdict.CONFIRMED) TimelineTable.render(f.simulation(), sb);
  }

  private void step(Step s, ThreadTrace t, StringBuilder sb) {
    sb.append("<li class=\"").append(Html.esc(s.event())).append("\" style=\"--depth:").append(s.depth()).append("\">");
    sb.append("<span class=\"loc\">").append(Html.esc(s.line() > 0 ? s.file() + ":" + s.line() + ":" + s.column() : s.file())).append("</span> ");
    sb.append("<span class=\"what\">").append(Html.esc(Words.step(s, t))).append("</span>");
    if (s.via() != null) sb.append(" <span class=\"via\">via ").append(Html.esc(s.via())).append("</span>");
    String src = sources.line(s.file(), s.line());
    if (src != null) {
      sb.append("<pre class=\"src\"><span class=\"ln\">").append(s.line()).append("</span>").append(Html.esc(src.replace("\t", "    "))).append("</pre>");
    }
    sb.append("</li>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlWriter.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
