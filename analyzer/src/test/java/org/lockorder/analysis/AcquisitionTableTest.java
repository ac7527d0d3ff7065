package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Mode;

/** A summary's acquisitions: found by identity, kept in the order first added, indexes stable. */
class AcquisitionTableTest {

  private static Summary.Acquisition acquisition(String lock, Mode mode, int cuts, int irqsOn) {
    return new Summary.Acquisition(new LockKey.OfClass(LockClass.of(lock)), mode, null, Set.of(), cuts, irqsOn);
  }

  @Test
  void eachComponentOfTheIdentityMakesADifferentEntry() {
    AcquisitionTable t = new AcquisitionTable();
    List<Summary.Acquisition> added = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      for (Mode mode : Mode.values()) {
        Summary.Acquisition a = acquisition("lock" + i, mode, i % 4, (i / 4) % 4);
        assertEquals(added.size(), t.add(a));
        added.add(a);
      }
    }
    assertEquals(added, t.values());
    for (int i = 0; i < added.size(); i++) {
      Summary.Acquisition a = added.get(i);
      // A key equal to the stored one but another object is found too.
      LockKey sameKey = new LockKey.OfClass(LockClass.of(((LockKey.OfClass) a.key()).lockClass().name()));
      assertEquals(i, t.indexOf(sameKey, a.mode(), a.cuts(), a.irqsOn(), 0L));
    }
    LockKey lock7 = added.get(21).key(); // added with cuts 3 and interrupt state 1, in each mode
    assertEquals(21, t.indexOf(lock7, Mode.WRITE, 3, 1, 0L));
    assertEquals(22, t.indexOf(lock7, Mode.READ, 3, 1, 0L));
    assertEquals(-1, t.indexOf(lock7, Mode.WRITE, 2, 1, 0L), "other cuts");
    assertEquals(-1, t.indexOf(lock7, Mode.WRITE, 3, 0, 0L), "other interrupt state");
    assertEquals(-1, t.indexOf(new LockKey.OfParam(0, ""), Mode.WRITE, 0, 0, 0L), "a lock never added");
  }

  @Test
  void aReplacedEntryKeepsItsIndexAndOrder() {
    AcquisitionTable t = new AcquisitionTable();
    Summary.Acquisition a = acquisition("a", Mode.WRITE, 0, 0);
    Summary.Acquisition b = acquisition("b", Mode.READ, 0, 0);
    t.add(a);
    t.add(b);
    Summary.Acquisition a2 = new Summary.Acquisition(a.key(), a.mode(), null, Set.of(b.key()), 0, 0);
    t.replace(0, a2);
    assertEquals(0, t.indexOf(a.key(), Mode.WRITE, 0, 0, 0L));
    assertSame(a2, t.get(0));
    assertEquals(List.of(a2, b), t.values());
  }

  @Test
  void entriesAddedWhileIteratingAreNotPartOfTheIteration() {
    AcquisitionTable t = new AcquisitionTable();
    t.add(acquisition("a", Mode.WRITE, 0, 0));
    List<Summary.Acquisition> seen = new ArrayList<>();
    for (Summary.Acquisition a : t.values()) {
      seen.add(a);
      for (int i = 0; i < 40; i++) t.add(acquisition("new" + i, Mode.WRITE, 0, 0)); // and the table grows
    }
    assertEquals(1, seen.size());
    assertEquals(41, t.size());
  }
}
