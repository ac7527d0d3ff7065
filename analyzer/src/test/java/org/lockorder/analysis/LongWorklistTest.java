package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The propagation's worklist: first in, first out, and a value waits at most once. */
class LongWorklistTest {

  @Test
  void aWaitingValueIsNotQueuedAgainButCanBeOnceTakenOut() {
    LongWorklist w = new LongWorklist();
    assertTrue(w.add(5));
    assertTrue(w.add(0));
    assertFalse(w.add(5));
    assertFalse(w.add(0), "zero is a value like any other");
    assertEquals(5, w.poll());
    assertTrue(w.add(5));
    assertEquals(0, w.poll());
    assertEquals(5, w.poll());
    assertTrue(w.isEmpty());
  }

  /** Against a plain deque and set, over values that collide in a small table and with growth. */
  @Test
  void behavesAsADequeWithASetOfWaitingValues() {
    Random random = new Random(42);
    LongWorklist w = new LongWorklist();
    ArrayDeque<Long> deque = new ArrayDeque<>();
    Set<Long> waiting = new HashSet<>();
    for (int round = 0; round < 200_000; round++) {
      if (random.nextInt(3) > 0 || deque.isEmpty()) {
        long v = random.nextInt(4) == 0 ? ((long) random.nextInt(64) << 32) | random.nextInt(64) : random.nextInt(3000);
        boolean queued = waiting.add(v);
        if (queued) deque.add(v);
        assertEquals(queued, w.add(v));
      } else {
        long v = deque.poll();
        waiting.remove(v);
        assertEquals(v, w.poll());
      }
      assertEquals(deque.size(), w.size());
    }
    while (!deque.isEmpty()) assertEquals(deque.poll(), w.poll());
    assertTrue(w.isEmpty());
  }
}
