package org.lockorder.analysis;

import java.util.NoSuchElementException;

/**
 * A first-in first-out queue of longs in which a value already waiting is not queued again (it
 * can be once it was taken out). Without boxing: a kernel recursion's propagation queues and takes
 * out tens of millions of changes.
 */
final class LongWorklist {
  /** Ring buffer of the waiting values. */
  private long[] ring = new long[16];
  private int head;
  private int size;
  /** The waiting values: open addressing, linear probing, {@link #EMPTY} for a free slot. */
  private long[] set = new long[32];
  private boolean waitingEmpty;
  private static final long EMPTY = 0;

  /** Queues {@code v} unless it is waiting already; returns whether it was queued. */
  boolean add(long v) {
    if (!insert(v)) return false;
    if (size == ring.length) {
      long[] bigger = new long[ring.length * 2];
      for (int i = 0; i < size; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
      ring = bigger;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = v;
    size++;
    return true;
  }

  /** Takes out the value waiting longest. */
  long poll() {
    if (size == 0) throw new NoSuchElementException();
    long v = ring[head];
    head = (head + 1) & (ring.length - 1);
    size--;
    remove(v);
    return v;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  private boolean insert(long v) {
    if (v == EMPTY) {
      if (waitingEmpty) return false;
      waitingEmpty = true;
      return true;
    }
    if (2 * (size + 1) > set.length) rehash(set.length * 2);
    int mask = set.length - 1;
    for (int i = slot(v, mask); ; i = (i + 1) & mask) {
      if (set[i] == v) return false;
      if (set[i] == EMPTY) {
        set[i] = v;
        return true;
      }
    }
  }

  /** Removes {@code v}, shifting back the entries after it that would no longer be found. */
  private void remove(long v) {
    if (v == EMPTY) {
      waitingEmpty = false;
      return;
    }
    int mask = set.length - 1;
    int i = slot(v, mask);
    while (set[i] != v) i = (i + 1) & mask;
    for (int j = (i + 1) & mask; set[j] != EMPTY; j = (j + 1) & mask) {
      int home = slot(set[j], mask);
      // set[j] may move to i when its home slot is not in (i, j] (cyclically).
      if (((j - home) & mask) >= ((j - i) & mask)) {
        set[i] = set[j];
        i = j;
      }
    }
    set[i] = EMPTY;
  }

  private void rehash(int capacity) {
    long[] old = set;
    set = new long[capacity];
    int mask = capacity - 1;
    for (long v : old) {
      if (v == EMPTY) continue;
      int i = slot(v, mask);
      while (set[i] != EMPTY) i = (i + 1) & mask;
      set[i] = v;
    }
  }

  private static int slot(long v, int mask) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }
}
