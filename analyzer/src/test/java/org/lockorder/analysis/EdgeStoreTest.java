package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/** The edge store: one pair per (held class, acquired class), read back sorted, best witness kept. */
class EdgeStoreTest {

  private static Site site(LockClass c, int depth) {
    List<CallStep> calls = new ArrayList<>();
    for (int i = 0; i < depth; i++) calls.add(new CallStep("f" + i, new Location("a.c", i + 1, 1), "f" + (i + 1), null));
    return new Site(calls, "f", new Location("a.c", 100, 1), "spin_lock", c, Mode.WRITE, "x");
  }

  @Test
  void everyPairRecordedInAnyOrderIsReadBackOnceSorted() {
    EdgeStore store = new EdgeStore();
    Random random = new Random(7);
    List<LockClass> classes = new ArrayList<>();
    for (int i = 0; i < 400; i++) classes.add(LockClass.of("c" + i));
    Set<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < 40_000; i++) {
      // Equal classes arrive as different objects too, as they do from sites built apart.
      LockClass from = LockClass.of(classes.get(random.nextInt(classes.size())).name());
      LockClass to = classes.get(random.nextInt(i < 20_000 ? 30 : classes.size()));
      store.record(EdgeType.EN, null, site(from, 0), site(to, 0), Set.of());
      expected.add(from + " -> " + to);
    }
    List<String> read = new ArrayList<>();
    for (EdgeStore.Pair p : store.pairs()) read.add(p.from + " -> " + p.to);
    List<String> sorted = new ArrayList<>(expected);
    sorted.sort(Comparator.comparing((String s) -> LockClass.of(s.substring(0, s.indexOf(' '))))
        .thenComparing(s -> LockClass.of(s.substring(s.indexOf('>') + 2))));
    assertEquals(sorted, read);
    assertEquals(expected.size(), store.size());
  }

  private static Function frame(String name) {
    return new Function(name, new Location("a.c", 1, 1), false, new org.lockorder.ir.CType("void", 0, false),
        List.of(), java.util.Map.of(), List.of(), List.of(), new org.lockorder.ir.Cfg(List.of()));
  }

  /** The gates per frame by the frame's name (the store's map compares sets by identity). */
  private static java.util.Map<String, Set<LockClass>> gates(EdgeStore.Pair p) {
    java.util.Map<String, Set<LockClass>> out = new java.util.TreeMap<>();
    p.gatesByFrame().forEach((f, g) -> out.put(f.name(), new java.util.TreeSet<>(g)));
    return out;
  }

  @Test
  void storesFilledInTurnAndAddedInOrderEqualOneStoreFilledInThatOrder() {
    Random random = new Random(11);
    List<LockClass> classes = new ArrayList<>();
    for (int i = 0; i < 6; i++) classes.add(LockClass.of("c" + i));
    List<Function> frames = new ArrayList<>();
    for (int i = 0; i < 12; i++) frames.add(frame("f" + i));
    List<Set<LockClass>> gateSets = List.of(Set.of(), Set.of(), Set.of(classes.get(4)), Set.of(classes.get(4), classes.get(5)));
    EdgeStore whole = new EdgeStore();
    EdgeStore merged = new EdgeStore();
    // Four components, three frames each (a frame belongs to one component), recorded in turn.
    for (int component = 0; component < 4; component++) {
      EdgeStore part = new EdgeStore();
      for (int i = 0; i < 300; i++) {
        Function f = frames.get(3 * component + random.nextInt(3));
        EdgeType type = EdgeType.values()[random.nextInt(2)];
        Site held = site(classes.get(random.nextInt(3)), random.nextInt(3));
        Site acquired = site(classes.get(3 + random.nextInt(3)), random.nextInt(4));
        Set<LockClass> gates = gateSets.get(random.nextInt(gateSets.size()));
        whole.record(type, f, held, acquired, gates);
        part.record(type, f, held, acquired, gates);
      }
      merged.addAll(part);
    }
    List<EdgeStore.Pair> expected = new ArrayList<>();
    whole.pairs().forEach(expected::add);
    List<EdgeStore.Pair> got = new ArrayList<>();
    merged.pairs().forEach(got::add);
    assertEquals(expected.size(), got.size());
    for (int i = 0; i < expected.size(); i++) {
      EdgeStore.Pair e = expected.get(i);
      EdgeStore.Pair g = got.get(i);
      assertEquals(e.from + " -> " + e.to, g.from + " -> " + g.to);
      assertEquals(e.best().keySet(), g.best().keySet());
      for (EdgeType t : e.best().keySet()) assertSame(e.best().get(t).acquired(), g.best().get(t).acquired(), "first shortest witness");
      assertEquals(e.ungatedFrames, g.ungatedFrames);
      assertEquals(gates(e), gates(g));
    }
  }

  @Test
  void theShortestWitnessPerTypeIsKeptAndTheFirstOnATie() {
    EdgeStore store = new EdgeStore();
    LockClass a = LockClass.of("a");
    LockClass b = LockClass.of("b");
    Site deep = site(b, 3);
    Site shallow = site(b, 1);
    Site shallowToo = site(b, 1);
    store.record(EdgeType.EN, null, site(a, 0), deep, Set.of());
    store.record(EdgeType.EN, null, site(a, 0), shallow, Set.of());
    store.record(EdgeType.EN, null, site(a, 0), shallowToo, Set.of());
    store.record(EdgeType.SN, null, site(a, 0), deep, Set.of());
    EdgeStore.Pair p = store.pairs().iterator().next();
    assertSame(shallow, p.best().get(EdgeType.EN).acquired());
    assertSame(deep, p.best().get(EdgeType.SN).acquired());
    assertEquals(Set.of(EdgeType.EN, EdgeType.SN), p.best().keySet());
  }

  @Test
  void anAcquisitionSeenThroughACallCountsThatCallAndIsMadeOnlyWhenKept() {
    EdgeStore store = new EdgeStore();
    LockClass a = LockClass.of("a");
    LockClass b = LockClass.of("b");
    CallStep into = new CallStep("caller", new Location("b.c", 7, 3), "callee", null);
    Site inCallee = site(b, 1);
    Site direct = site(b, 2);
    store.record(EdgeType.EN, null, site(a, 0), direct, Set.of());
    // One call plus the callee's one: as long as the direct witness, which stays (first on a tie).
    store.record(EdgeType.EN, null, site(a, 0), inCallee, into, Set.of(), FileSystemSet.ANY);
    store.record(EdgeType.SN, null, site(a, 0), inCallee, into, Set.of(), FileSystemSet.ANY);
    EdgeStore.Pair p = store.pairs().iterator().next();
    assertSame(direct, p.best().get(EdgeType.EN).acquired());
    Site seen = p.best().get(EdgeType.SN).acquired();
    assertEquals(inCallee.through(into), seen);
    assertEquals(List.of(into, inCallee.calls().get(0)), List.copyOf(seen.calls()));
    // A shorter one through a call replaces a longer direct one.
    store.record(EdgeType.SR, null, site(a, 0), site(b, 3), Set.of());
    store.record(EdgeType.SR, null, site(a, 0), site(b, 0), into, Set.of(), FileSystemSet.ANY);
    assertEquals(1, p.best().get(EdgeType.SR).acquired().calls().size());
  }
}
