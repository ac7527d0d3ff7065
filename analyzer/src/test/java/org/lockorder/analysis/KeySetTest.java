package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** KeySet behaves as a Set (equality and hash with other sets), shares what it makes, and is immutable. */
class KeySetTest {
  private static final LockKey A = new LockKey.OfClass(LockClass.of("a"));
  private static final LockKey B = new LockKey.OfClass(LockClass.of("b"));
  private static final LockKey P = new LockKey.OfParam(0, "");

  @Test
  void equalsAndHashesLikeAnyOtherSetInInsertionOrder() {
    KeySet ab = KeySet.EMPTY.with(A).with(B).with(P);
    Set<LockKey> plain = new LinkedHashSet<>(List.of(A, B, P));
    assertEquals(plain, ab);
    assertEquals(ab, plain);
    assertEquals(plain.hashCode(), ab.hashCode());
    assertEquals(List.of(A, B, P), List.copyOf(ab));
    assertEquals(Set.of(), KeySet.EMPTY);
    assertTrue(!ab.equals(KeySet.EMPTY.with(B).with(A)), "different sets");
    assertEquals(KeySet.EMPTY.with(B).with(A).with(P), ab, "the same keys in another order are the same set");
  }

  @Test
  void pathsThatReleaseTheSameKeysShareOneSet() {
    assertSame(KeySet.EMPTY.with(A).with(B), KeySet.EMPTY.with(A).with(B));
    KeySet a = KeySet.EMPTY.with(A);
    assertSame(a, a.with(A));
    assertSame(a, KeySet.of(a));
    assertSame(KeySet.EMPTY.with(A).with(B), KeySet.of(new LinkedHashSet<>(List.of(A, B))));
  }

  @Test
  void cannotBeChanged() {
    KeySet a = KeySet.EMPTY.with(A);
    assertThrows(UnsupportedOperationException.class, () -> a.add(B));
    assertThrows(UnsupportedOperationException.class, () -> a.remove(A));
    assertThrows(UnsupportedOperationException.class, () -> a.retainAll(Set.of()));
  }

  @Test
  void addingASetIsAddingItsKeysInTurn() {
    KeySet a = KeySet.EMPTY.with(A);
    KeySet bp = KeySet.EMPTY.with(B).with(P);
    assertSame(a.with(B).with(P), a.withAll(bp));
    assertSame(a.with(B).with(P), a.withAll(bp), "asked again: the remembered union");
    assertSame(a.with(P).with(B), a.withAll(KeySet.EMPTY.with(P).with(B)), "the keys of the argument come in its order");
    assertSame(bp, KeySet.EMPTY.withAll(bp));
    assertSame(bp, bp.withAll(KeySet.EMPTY.with(P)), "nothing new");
    assertSame(a, a.withAll(KeySet.EMPTY));
  }
}
