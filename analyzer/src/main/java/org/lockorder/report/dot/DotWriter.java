package org.lockorder.report.dot;

import java.io.PrintWriter;
import org.lockorder.report.LockGraph;
import org.lockorder.report.Report;

/**
 * The lock-order graph in Graphviz DOT: every lock class and edge, one cluster per analyzed
 * program, edges labelled with lockdep's dependency types, and the edges of reported findings
 * drawn red and bold. Render with {@code dot -Tsvg}.
 */
public final class DotWriter {

  public void write(Report report, PrintWriter out) {
    out.println("digraph lockorder {");
    out.println("  graph [rankdir=LR, fontname=\"monospace\", labeljust=l];");
    out.println("  node [shape=box, style=rounded, fontname=\"monospace\", fontsize=11];");
    out.println("  edge [fontname=\"monospace\", fontsize=9];");
    int i = 0;
    for (LockGraph.Program p : report.graph().programs()) {
      if (p.edges().isEmpty()) continue;
      String prefix = "p" + i + ":";
      out.printf("  subgraph %s {%n", quote("cluster_" + i++));
      out.printf("    label=%s;%n", quote(p.name()));
      for (String c : p.classes()) out.printf("    %s [label=%s];%n", quote(prefix + c), quote(c));
      for (LockGraph.Edge e : p.edges()) {
        String style = e.finding() ? ", color=red, fontcolor=red, penwidth=2" : "";
        out.printf("    %s -> %s [label=%s%s];%n", quote(prefix + e.from()), quote(prefix + e.to()), quote(String.join(",", e.types())), style);
      }
      out.println("  }");
    }
    out.println("}");
    out.flush();
  }

  /** A DOT string literal: quotes and backslashes escaped. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
