package org.lockorder.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.analysis.Site;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/** Strong-cycle search: lockdep's rule, canonical rotation, bounds, gates. */
class LockOrderGraphTest {

  private static LockOrderEdge edge(String from, String to, EdgeType... types) {
    return edge(from, to, Set.of(), types);
  }

  private static LockOrderEdge edge(String from, String to, Set<LockClass> gates, EdgeType... types) {
    Map<EdgeType, EdgeWitness> w = new EnumMap<>(EdgeType.class);
    for (EdgeType t : types) {
      Location at = new Location("t.c", 1, 1);
      Site held = new Site(List.of(), "f", at, "lock", LockClass.of(from), t.fromShared() ? Mode.READ : Mode.WRITE, from);
      Site acq = new Site(List.of(), "f", at, "lock", LockClass.of(to), t.toRecursive() ? Mode.RECURSIVE_READ : Mode.WRITE, to);
      w.put(t, new EdgeWitness("f", at, List.of(), "f", held, acq));
    }
    return new LockOrderEdge(LockClass.of(from), LockClass.of(to), w, gates);
  }

  private static List<Cycle> cycles(LockOrderEdge... edges) {
    return new LockOrderGraph(List.of(edges)).strongCycles(SearchBounds.DEFAULT).cycles();
  }

  @Test
  void abbaOfWritersIsOneCycleInCanonicalRotation() {
    List<Cycle> found = cycles(edge("b", "a", EdgeType.EN), edge("a", "b", EdgeType.EN));
    assertEquals(1, found.size());
    assertEquals("a -> b -> a", found.get(0).describe());
  }

  @Test
  void readerReaderCycleOfNonRecursiveReadersIsStrong() {
    // rwsem readers: a waiting writer blocks new readers, so r/r cycles deadlock.
    assertEquals(1, cycles(edge("a", "b", EdgeType.SN), edge("b", "a", EdgeType.SN)).size());
  }

  @Test
  void recursiveReaderFollowedBySharedHoldIsNotStrong() {
    // rcu: a -(ER)-> rcu -(SN)-> a is not a deadlock.
    assertTrue(cycles(edge("a", "rcu", EdgeType.ER), edge("rcu", "a", EdgeType.SN)).isEmpty());
  }

  @Test
  void anotherDependencyTypeCanMakeTheCycleStrong() {
    List<Cycle> found = cycles(edge("a", "rw", EdgeType.ER, EdgeType.EN), edge("rw", "a", EdgeType.SN));
    assertEquals(1, found.size());
    assertEquals(List.of(EdgeType.EN, EdgeType.SN), found.get(0).types());
  }

  @Test
  void chooseRejectsWrapAroundConflict() {
    assertNull(StrongCycles.choose(List.of(edge("a", "b", EdgeType.SN), edge("b", "a", EdgeType.SR))));
    assertNotNull(StrongCycles.choose(List.of(edge("a", "b", EdgeType.EN), edge("b", "a", EdgeType.SR))));
  }

  @Test
  void eachElementaryCycleOnceShortestFirst() {
    List<Cycle> found =
        cycles(
            edge("a", "b", EdgeType.EN), edge("b", "c", EdgeType.EN), edge("c", "a", EdgeType.EN),
            edge("b", "a", EdgeType.EN));
    assertEquals(List.of("a -> b -> a", "a -> b -> c -> a"), found.stream().map(Cycle::describe).toList());
  }

  @Test
  void selfEdgesAreKeptApartAsRecursiveLocking() {
    LockOrderGraph g = new LockOrderGraph(List.of(edge("a", "a", EdgeType.EN), edge("a", "b", EdgeType.EN)));
    assertEquals(1, g.selfEdges().size());
    assertTrue(g.strongCycles(SearchBounds.DEFAULT).cycles().isEmpty());
  }

  @Test
  void commonGateOnEveryEdgeIsReported() {
    Set<LockClass> gate = Set.of(LockClass.of("gate"));
    List<Cycle> found = cycles(edge("a", "b", gate, EdgeType.EN), edge("b", "a", gate, EdgeType.EN));
    assertEquals(List.of(LockClass.of("gate")), found.get(0).gates());
    List<Cycle> open = cycles(edge("a", "b", gate, EdgeType.EN), edge("b", "a", EdgeType.EN));
    assertTrue(open.get(0).gates().isEmpty());
  }

  @Test
  void denseGraphSearchStaysBoundedAndSaysSo() {
    List<LockOrderEdge> edges = new ArrayList<>();
    int n = 14;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) edges.add(edge("c" + (char) ('a' + i), "c" + (char) ('a' + j), EdgeType.EN));
      }
    }
    CycleSearchResult r = new LockOrderGraph(edges).strongCycles(new SearchBounds(6, 500, 1_000_000));
    assertTrue(r.truncated());
    assertTrue(r.cycles().size() <= 500);
    assertNotNull(r.reason());
    CycleSearchResult small = new LockOrderGraph(List.of(edge("a", "b", EdgeType.EN), edge("b", "a", EdgeType.EN))).strongCycles(SearchBounds.DEFAULT);
    assertFalse(small.truncated());
  }
  @Test
  void aCutSearchReportsTheShortestCyclesFirst() {
    // A 5-cycle through the first class in name order, and a 2-cycle among later classes. With
    // room for one cycle, the 2-cycle is reported (depth-first from "a" found the 5-cycle first).
    List<LockOrderEdge> edges = List.of(
        edge("a", "b", EdgeType.EN), edge("b", "c", EdgeType.EN), edge("c", "d", EdgeType.EN),
        edge("d", "e", EdgeType.EN), edge("e", "a", EdgeType.EN),
        edge("x", "y", EdgeType.EN), edge("y", "x", EdgeType.EN));
    CycleSearchResult r = new LockOrderGraph(edges).strongCycles(new SearchBounds(6, 1, 1_000_000));
    assertTrue(r.truncated());
    assertEquals(List.of("x -> y -> x"), r.cycles().stream().map(Cycle::describe).toList());
    CycleSearchResult all = new LockOrderGraph(edges).strongCycles(SearchBounds.DEFAULT);
    assertEquals(List.of("x -> y -> x", "a -> b -> c -> d -> e -> a"), all.cycles().stream().map(Cycle::describe).toList());
  }

  @Test
  void aHubClassDoesNotTakeEveryReportedCycle() {
    // "a_hub" closes a 2-cycle with each of h1..h5 and sorts first; x <-> y is the only other
    // cycle. With room for 4 cycles but 2 per class: two through the hub, then x <-> y (without
    // the limit per class, 3 cycles are all the hub's).
    List<LockOrderEdge> edges = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      edges.add(edge("a_hub", "h" + i, EdgeType.EN));
      edges.add(edge("h" + i, "a_hub", EdgeType.EN));
    }
    edges.add(edge("x", "y", EdgeType.EN));
    edges.add(edge("y", "x", EdgeType.EN));
    CycleSearchResult r = new LockOrderGraph(edges).strongCycles(new SearchBounds(6, 4, 1_000_000, 2));
    assertEquals(List.of("a_hub -> h1 -> a_hub", "a_hub -> h2 -> a_hub", "x -> y -> x"), r.cycles().stream().map(Cycle::describe).toList());
    assertTrue(r.truncated());
    assertEquals("cycles through one class (2; 3 more through a_hub)", r.reason());
    CycleSearchResult unlimited = new LockOrderGraph(edges).strongCycles(new SearchBounds(6, 3, 1_000_000));
    assertEquals(List.of("a_hub -> h1 -> a_hub", "a_hub -> h2 -> a_hub", "a_hub -> h3 -> a_hub"), unlimited.cycles().stream().map(Cycle::describe).toList());
    assertFalse(new LockOrderGraph(edges).strongCycles(SearchBounds.DEFAULT).truncated());
  }

  @Test
  void aCycleLongerThanTheLengthBoundSaysSo() {
    List<LockOrderEdge> edges = List.of(
        edge("a", "b", EdgeType.EN), edge("b", "c", EdgeType.EN), edge("c", "d", EdgeType.EN),
        edge("d", "a", EdgeType.EN));
    CycleSearchResult r = new LockOrderGraph(edges).strongCycles(new SearchBounds(3, 100, 1_000_000));
    assertTrue(r.cycles().isEmpty());
    assertEquals("cycle length (3 classes)", r.reason());
    assertFalse(new LockOrderGraph(edges).strongCycles(new SearchBounds(4, 100, 1_000_000)).truncated());
  }
}
