package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Mode;

/** Releasing a callee exit's locks at once gives the state that releasing them one by one gives. */
class LockStateReleaseTest {
  private static final List<LockKey> KEYS = List.of(
      key("a", ""), key("a", "1"), key("b", ""), key("c", ""), key("c", "2"), new LockKey.OfParam(0, ""));

  private static LockKey key(String name, String subclass) {
    return new LockKey.OfClass(new LockClass(name, subclass));
  }

  private static HeldLock held(LockKey k, boolean fromEntry) {
    return new HeldLock(k, Mode.WRITE, null, fromEntry);
  }

  @Test
  void releasingAllIsReleasingEachInTurn() {
    Random random = new Random(11);
    for (int round = 0; round < 5_000; round++) {
      LockState s = LockState.EMPTY;
      for (int i = random.nextInt(4); i > 0; i--) s = s.push(held(KEYS.get(random.nextInt(KEYS.size())), random.nextBoolean()));
      for (int i = random.nextInt(3); i > 0; i--) s = s.release(KEYS.get(random.nextInt(KEYS.size())));
      KeySet keys = KeySet.EMPTY;
      for (int i = random.nextInt(4); i > 0; i--) keys = keys.with(KEYS.get(random.nextInt(KEYS.size())));
      LockState oneByOne = s;
      for (LockKey k : keys) oneByOne = oneByOne.release(k);
      LockState all = s.releaseAll(keys);
      assertEquals(oneByOne.identity(), all.identity(), "held " + s.held() + " released " + s.released() + " then " + keys);
      assertEquals(new ArrayList<>(oneByOne.released()), new ArrayList<>(all.released()), "released in the same order");
    }
  }

  @Test
  void releasingLocksAlreadyReleasedLeavesTheStateAsItIs() {
    LockState s = LockState.EMPTY.release(KEYS.get(2)).release(KEYS.get(3));
    assertSame(s, s.releaseAll(KeySet.EMPTY.with(KEYS.get(3)).with(KEYS.get(2))));
    assertSame(s, s.releaseAll(KeySet.EMPTY));
  }

  @Test
  void anUnlockOfAClassThisPathAlreadyReleasedIsCountedOnceMoreThenNoMore() {
    // Two of the caller's locks of one class (a dentry's d_lock and its parent's): two releases.
    LockState s = LockState.EMPTY.unlock(KEYS.get(2));
    assertEquals(List.of(), new ArrayList<>(s.releasedTwice()));
    LockState twice = s.unlock(KEYS.get(2));
    assertEquals(List.of(KEYS.get(2)), new ArrayList<>(twice.releasedTwice()));
    assertEquals(s.released(), twice.released());
    // Counted up to two: a loop that keeps unlocking stays finite.
    assertSame(twice, twice.unlock(KEYS.get(2)));
    // A held lock of the class is released, not counted.
    LockState held = s.push(held(KEYS.get(1), false));
    assertEquals(List.of(), held.unlock(KEYS.get(0)).held());
    assertEquals(List.of(), new ArrayList<>(held.unlock(KEYS.get(0)).releasedTwice()));
  }

  @Test
  void aCalleesSecondReleaseDropsOneMoreHeldLock() {
    LockState s = LockState.EMPTY.push(held(KEYS.get(0), false)).push(held(KEYS.get(1), false));
    LockState after = s.releaseAll(List.of(KEYS.get(0))).releaseAgain(List.of(KEYS.get(0)));
    assertEquals(List.of(), after.held(), "a/1 and a both released");
    LockState none = LockState.EMPTY.releaseAll(List.of(KEYS.get(2)));
    assertSame(none, none.releaseAgain(List.of(KEYS.get(2))), "none held: not passed on to this function's callers");
  }

  @Test
  void twoReleasesOfOneClassDropTwoHeldLocksOfIt() {
    LockState s = LockState.EMPTY.push(held(KEYS.get(0), false)).push(held(KEYS.get(1), false));
    LockState after = s.releaseAll(List.of(KEYS.get(0), KEYS.get(0)));
    assertEquals(List.of(), after.held(), "a and a/1 both released by two releases of a");
  }
}
