package org.lockorder.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.lockorder.report.LockGraph;

/**
 * Lays a program's lock-order graph out with Eclipse ELK's layered (Sugiyama) algorithm:
 * layering, crossing minimization and orthogonal edge routing, with a fixed random seed, so the
 * same graph always gets the same coordinates. Text sizes are estimated for the monospace font
 * the page uses.
 */
final class GraphLayout {
  static final double CHAR_WIDTH = 7.2;
  static final double LABEL_CHAR_WIDTH = 6.0;
  static final double NODE_HEIGHT = 26;
  static final double PADDING = 12;

  /** A positioned class box. */
  record Box(String name, double x, double y, double width, double height) {}

  /** A routed edge: its points (start, bends, end) and the position of its label. */
  record Line(LockGraph.Edge edge, List<double[]> points, double labelX, double labelY) {}

  /** The laid-out graph. */
  record Laid(double width, double height, List<Box> boxes, List<Line> lines) {}

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private GraphLayout() {}

  static Laid layout(LockGraph.Program program) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(PADDING));
    Map<String, ElkNode> nodes = new HashMap<>();
    for (String c : program.classes()) {
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setIdentifier(c);
      n.setDimensions(c.length() * CHAR_WIDTH + 16, NODE_HEIGHT);
      nodes.put(c, n);
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (LockGraph.Edge e : program.edges()) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to()));
      String text = String.join(",", e.types());
      ElkLabel label = ElkGraphUtil.createLabel(text, edge);
      label.setDimensions(text.length() * LABEL_CHAR_WIDTH + 4, 12);
      label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      edges.add(edge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    List<Box> boxes = new ArrayList<>();
    for (String c : program.classes()) {
      ElkNode n = nodes.get(c);
      boxes.add(new Box(c, n.getX(), n.getY(), n.getWidth(), n.getHeight()));
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      ElkEdge edge = edges.get(i);
      List<double[]> points = new ArrayList<>();
      KVector offset = new KVector();
      ElkNode container = edge.getContainingNode();
      if (container != null && container != root) offset.add(container.getX(), container.getY());
      for (ElkEdgeSection s : edge.getSections()) {
        points.add(new double[] {s.getStartX() + offset.x, s.getStartY() + offset.y});
        s.getBendPoints().forEach(b -> points.add(new double[] {b.getX() + offset.x, b.getY() + offset.y}));
        points.add(new double[] {s.getEndX() + offset.x, s.getEndY() + offset.y});
      }
      ElkLabel label = edge.getLabels().get(0);
      lines.add(new Line(program.edges().get(i), points, label.getX() + offset.x, label.getY() + offset.y + label.getHeight() - 2));
    }
    return new Laid(root.getWidth(), root.getHeight(), boxes, lines);
  }
}
