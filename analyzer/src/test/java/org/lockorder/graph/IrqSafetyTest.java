package org.lockorder.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.analysis.EdgeType;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.IrqUsage;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.analysis.Site;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/** lockdep's irq-safe -> irq-unsafe search: strong paths only, read usages at the ends. */
class IrqSafetyTest {
  private static final Location AT = new Location("t.c", 1, 1);

  private static LockOrderEdge edge(String from, String to, EdgeType... types) {
    Map<EdgeType, EdgeWitness> w = new EnumMap<>(EdgeType.class);
    for (EdgeType t : types) {
      Site held = new Site(List.of(), "f", AT, "lock", LockClass.of(from), t.fromShared() ? Mode.READ : Mode.WRITE, from);
      Site acq = new Site(List.of(), "f", AT, "lock", LockClass.of(to), t.toRecursive() ? Mode.RECURSIVE_READ : Mode.WRITE, to);
      w.put(t, new EdgeWitness("f", AT, List.of(), "f", held, acq));
    }
    return new LockOrderEdge(LockClass.of(from), LockClass.of(to), w, Set.of());
  }

  private static IrqUsage usage(String lock, boolean inIrq, Mode mode) {
    LockClass c = LockClass.of(lock);
    Site site = new Site(List.of(), inIrq ? "handler" : "process", AT, "lock", c, mode, lock);
    return new IrqUsage(c, IrqLevel.SOFTIRQ, inIrq, mode, inIrq ? "handler" : "process", AT, site);
  }

  private static List<String> inversions(List<IrqUsage> usages, LockOrderEdge... edges) {
    List<String> out = new ArrayList<>();
    for (IrqInversion i : new LockOrderGraph(List.of(edges)).irqInversions(usages)) {
      StringBuilder sb = new StringBuilder(i.safe().lockClass().toString());
      for (int k = 0; k < i.path().size(); k++) sb.append(' ').append(i.types().get(k).arrow()).append(' ').append(i.path().get(k).to());
      out.add(sb + " " + i.safe().state() + "/" + i.unsafe().state());
    }
    return out;
  }

  @Test
  void aChainThroughAnRcuReaderIsNotAnInversion() {
    // list_lock -(ER)-> rcu_read_lock -(SN)-> entry.lock: the recursive reader passes no wait on.
    List<IrqUsage> usages = List.of(usage("list_lock", true, Mode.WRITE), usage("entry.lock", false, Mode.WRITE));
    assertEquals(List.of(), inversions(usages, edge("list_lock", "rcu", EdgeType.ER), edge("rcu", "entry.lock", EdgeType.SN)));
  }

  @Test
  void aChainThroughAnExclusivelyHeldLockIsAnInversion() {
    List<IrqUsage> usages = List.of(usage("list_lock", true, Mode.WRITE), usage("entry.lock", false, Mode.WRITE));
    assertEquals(
        List.of("list_lock -(EN)-> move_lock -(EN)-> entry.lock IN-SOFTIRQ-W/SOFTIRQ-ON-W"),
        inversions(usages, edge("list_lock", "move_lock", EdgeType.EN), edge("move_lock", "entry.lock", EdgeType.EN)));
  }

  @Test
  void aReaderEnteredRecursivelyMayBeLeftWhenHeldExclusivelyToo() {
    // rw is entered by a recursive reader, but the edge out of it was also seen write-held (ER, EN):
    // lockdep's only_xr allows -(E*)-> out, and the finding shows that type.
    List<IrqUsage> usages = List.of(usage("a", true, Mode.WRITE), usage("b", false, Mode.WRITE));
    assertEquals(
        List.of("a -(ER)-> rw -(EN)-> b IN-SOFTIRQ-W/SOFTIRQ-ON-W"),
        inversions(usages, edge("a", "rw", EdgeType.ER), edge("rw", "b", EdgeType.SN, EdgeType.EN)));
  }

  @Test
  void aClassFirstReachedThroughARecursiveReaderIsSearchedAgainWhenReachedOtherwise() {
    // Shortest: a -(ER)-> b, from which c is out of reach (b is only read-held on b -> c). The
    // longer a -> x -> b enters b non-recursively, and from there b -(SN)-> c is strong.
    List<IrqUsage> usages = List.of(usage("a", true, Mode.WRITE), usage("c", false, Mode.WRITE));
    List<String> found = inversions(
        usages, edge("a", "b", EdgeType.ER), edge("a", "x", EdgeType.EN), edge("x", "b", EdgeType.EN), edge("b", "c", EdgeType.SN));
    assertEquals(List.of("a -(EN)-> x -(EN)-> b -(SN)-> c IN-SOFTIRQ-W/SOFTIRQ-ON-W"), found);
  }

  @Test
  void readUsagesCountOnlyWhereThePathHoldsTheEndsExclusively() {
    // IN-SOFTIRQ-R on a: the path must leave a write-held; SOFTIRQ-ON-R on b: it must enter b non-recursively.
    List<IrqUsage> reads = List.of(usage("a", true, Mode.READ), usage("b", false, Mode.READ));
    assertEquals(List.of(), inversions(reads, edge("a", "b", EdgeType.SN)));
    assertEquals(List.of(), inversions(reads, edge("a", "b", EdgeType.ER)));
    assertEquals(List.of("a -(EN)-> b IN-SOFTIRQ-R/SOFTIRQ-ON-R"), inversions(reads, edge("a", "b", EdgeType.SN, EdgeType.EN)));
    // On one class only read/read is allowed.
    assertEquals(List.of(), inversions(List.of(usage("a", true, Mode.READ), usage("a", false, Mode.READ))));
    assertTrue(inversions(List.of(usage("a", true, Mode.WRITE), usage("a", false, Mode.READ))).size() == 1);
  }

  @Test
  void aPathIntoAnotherClassAHandlerTakesIsThatClasssFinding() {
    // Both handlers' locks reach the unsafe ones through rq, itself taken in a handler: the
    // violations are rq's, reported once, not again from each class that a handler holds into rq.
    List<IrqUsage> usages = List.of(
        usage("timer", true, Mode.WRITE), usage("dev", true, Mode.WRITE), usage("rq", true, Mode.WRITE),
        usage("p", false, Mode.WRITE), usage("q", false, Mode.WRITE));
    LockOrderEdge[] edges = {
        edge("timer", "rq", EdgeType.EN), edge("dev", "rq", EdgeType.EN), edge("rq", "p", EdgeType.EN), edge("rq", "q", EdgeType.EN)};
    assertEquals(List.of("rq -(EN)-> p IN-SOFTIRQ-W/SOFTIRQ-ON-W", "rq -(EN)-> q IN-SOFTIRQ-W/SOFTIRQ-ON-W"), inversions(usages, edges));
    // Taken only for reading in a handler, rq is no start of its own for the paths that leave it
    // write-held: the search from timer goes on through it.
    List<IrqUsage> readSafe = List.of(usage("timer", true, Mode.WRITE), usage("rq", true, Mode.READ), usage("p", false, Mode.WRITE));
    assertEquals(
        List.of("rq -(EN)-> p IN-SOFTIRQ-R/SOFTIRQ-ON-W", "timer -(EN)-> rq -(EN)-> p IN-SOFTIRQ-W/SOFTIRQ-ON-W"),
        inversions(readSafe, edge("timer", "rq", EdgeType.EN), edge("rq", "p", EdgeType.EN)));
  }

  @Test
  void aClassWithoutAnOwnerIsNotChecked() {
    // "?.lock" stands for every '->lock' whose owner is unknown: a handler's and a process's are
    // unrelated locks, and the graph leaves the class out.
    assertEquals(List.of(), inversions(List.of(usage("?.lock", true, Mode.WRITE), usage("?.lock", false, Mode.WRITE))));
  }
}
