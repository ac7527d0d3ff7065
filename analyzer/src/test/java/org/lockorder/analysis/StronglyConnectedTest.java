package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** The call graph's own component search finds JGraphT's components, callees closed first. */
class StronglyConnectedTest {

  @Test
  void sameComponentsAsJGraphTOnRandomGraphs() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(60);
      int edges = random.nextInt(3 * n + 1);
      List<List<Integer>> succ = new ArrayList<>();
      for (int v = 0; v < n; v++) succ.add(new ArrayList<>());
      for (int e = 0; e < edges; e++) succ.get(random.nextInt(n)).add(random.nextInt(n)); // self-loops and repeats too
      int[] component = components(succ);

      Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
      for (int v = 0; v < n; v++) g.addVertex(v);
      for (int v = 0; v < n; v++) for (int w : succ.get(v)) if (!g.containsEdge(v, w)) g.addEdge(v, w);
      Set<Set<Integer>> expected = new HashSet<>();
      for (Set<Integer> s : new GabowStrongConnectivityInspector<>(g).stronglyConnectedSets()) expected.add(new TreeSet<>(s));
      assertEquals(expected, grouped(component, n), "seed " + seed);

      // An edge between two components goes to one closed earlier: callees before callers.
      for (int v = 0; v < n; v++) {
        for (int w : succ.get(v)) {
          if (component[v] != component[w]) assertEquals(true, component[w] < component[v], "seed " + seed);
        }
      }
    }
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    int n = 200_000; // deeper than a recursive search could go
    List<List<Integer>> succ = new ArrayList<>();
    for (int v = 0; v < n; v++) succ.add(v + 1 < n ? List.of(v + 1) : List.of(0));
    int[] component = components(succ);
    int[] all = new int[n];
    assertArrayEquals(all, component); // one cycle through every vertex: one component, the first closed
  }

  private static int[] components(List<List<Integer>> succ) {
    int n = succ.size();
    int[] start = new int[n + 1];
    for (int v = 0; v < n; v++) start[v + 1] = start[v] + succ.get(v).size();
    int[] adjacency = new int[start[n]];
    for (int v = 0, k = 0; v < n; v++) for (int w : succ.get(v)) adjacency[k++] = w;
    return StronglyConnected.components(n, start, adjacency);
  }

  private static Set<Set<Integer>> grouped(int[] component, int n) {
    List<Set<Integer>> byComponent = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      while (byComponent.size() <= component[v]) byComponent.add(new TreeSet<>());
      byComponent.get(component[v]).add(v);
    }
    return new HashSet<>(byComponent);
  }
}
