package org.lockorder.report.html;

import java.util.List;

/**
 * Draws a laid-out lock-order graph as inline SVG: class boxes, orthogonal edges with arrowheads
 * and dependency-type labels; edges of reported findings in red. Each edge carries an id so the
 * page can highlight a finding's edges.
 */
final class SvgGraph {
  private SvgGraph() {}

  /**
   * @param edgeIds the element id of each edge, in the order of {@code laid.lines()}
   */
  static String render(GraphLayout.Laid laid, List<String> edgeIds, String title) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" width=\"").append(Html.num(laid.width()))
        .append("\" height=\"").append(Html.num(laid.height())).append("\" viewBox=\"0 0 ").append(Html.num(laid.width()))
        .append(' ').append(Html.num(laid.height())).append("\">\n");
    sb.append("<title>").append(Html.esc(title)).append("</title>\n");
    for (int i = 0; i < laid.lines().size(); i++) {
      GraphLayout.Line l = laid.lines().get(i);
      sb.append("<g class=\"edge").append(l.edge().finding() ? " finding" : "").append("\" id=\"").append(edgeIds.get(i))
          .append("\"><title>").append(Html.esc(l.edge().from() + " -> " + l.edge().to())).append("</title><path d=\"");
      for (int p = 0; p < l.points().size(); p++) {
        double[] pt = l.points().get(p);
        sb.append(p == 0 ? "M" : " L").append(Html.num(pt[0])).append(' ').append(Html.num(pt[1]));
      }
      sb.append("\" marker-end=\"url(#arrow").append(l.edge().finding() ? "-finding" : "").append(")\"/>");
      sb.append("<text x=\"").append(Html.num(l.labelX())).append("\" y=\"").append(Html.num(l.labelY())).append("\">")
          .append(Html.esc(String.join(",", l.edge().types()))).append("</text></g>\n");
    }
    for (GraphLayout.Box b : laid.boxes()) {
      sb.append("<g class=\"class\"><rect x=\"").append(Html.num(b.x())).append("\" y=\"").append(Html.num(b.y()))
          .append("\" width=\"").append(Html.num(b.width())).append("\" height=\"").append(Html.num(b.height()))
          .append("\" rx=\"5\"/><text x=\"").append(Html.num(b.x() + b.width() / 2)).append("\" y=\"")
          .append(Html.num(b.y() + b.height() / 2 + 4)).append("\">").append(Html.esc(b.name())).append("</text></g>\n");
    }
    return sb.append("</svg>\n").toString();
  }

  /** Arrowhead markers, defined once per page. */
  static String markers() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" class=\"defs\"><defs>"
        + "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"head\"/></marker>"
        + "<marker id=\"arrow-finding\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"head finding\"/></marker>"
        + "</defs></svg>\n";
  }
}
