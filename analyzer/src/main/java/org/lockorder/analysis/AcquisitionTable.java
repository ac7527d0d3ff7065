package org.lockorder.analysis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lockorder.ir.Mode;

/**
 * A summary's acquisitions by identity (lock, mode, cuts, interrupt state), in the order they were
 * first added. Entries are replaced but never removed, so an entry's index is stable: the
 * propagation through a recursion names a changed entry by its index.
 *
 * <p>Why not a map keyed by an identity record: in Linux 6.1's largest recursion the propagation
 * looks up a caller's entry about 50 million times, in 13,000 summaries of up to 1,400 entries,
 * mostly in memory no cache holds. A hash map walks table, node, key record and value; here the
 * slot holds the hash and the index, and the only object read is the entry itself, which the
 * caller needs anyway.
 */
final class AcquisitionTable {
  /** Open addressing, linear probing: (hash << 32) | (index + 1); 0 is an empty slot. */
  private long[] slots = new long[8];
  /** By index, in insertion order. */
  private Summary.Acquisition[] entries = new Summary.Acquisition[4];
  private int size;
  /** Whether an entry ever named a nest lock ({@link Summary.Acquisition#nest}): callers look no further when not. */
  private boolean anyNest;

  int size() {
    return size;
  }

  Summary.Acquisition get(int index) {
    Objects.checkIndex(index, size);
    return entries[index];
  }

  /**
   * The index of the entry with this identity, or -1. {@link Scopes#VIA_SLEEP} is no part of it:
   * an entry keeps that bit only while every path to it slept ({@link Summary#addAcquisition}).
   */
  int indexOf(LockKey key, Mode mode, int cuts, int irqsOn, long nullParams) {
    cuts &= ~Scopes.VIA_SLEEP;
    int h = hash(key, mode, cuts, irqsOn, nullParams);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) return -1;
      if ((int) (slot >>> 32) == h) {
        Summary.Acquisition a = entries[(int) slot - 1];
        if (a.mode() == mode && (a.cuts() & ~Scopes.VIA_SLEEP) == cuts && a.irqsOn() == irqsOn && a.nullParams() == nullParams
            && (a.key() == key || a.key().equals(key))) {
          return (int) slot - 1;
        }
      }
    }
  }

  /** Adds {@code a}, whose identity is not in the table yet; returns its index. */
  int add(Summary.Acquisition a) {
    if (2 * (size + 1) > slots.length) grow();
    if (size == entries.length) entries = Arrays.copyOf(entries, size * 2);
    int index = size++;
    entries[index] = a;
    anyNest |= a.nest() != null;
    insert(hash(a.key(), a.mode(), a.cuts() & ~Scopes.VIA_SLEEP, a.irqsOn(), a.nullParams()), index);
    return index;
  }

  /** Puts {@code a} in place of the entry at {@code index}, which has the same identity. */
  void replace(int index, Summary.Acquisition a) {
    Objects.checkIndex(index, size);
    entries[index] = a;
    anyNest |= a.nest() != null;
  }

  /** Whether some entry named a nest lock, now or before it was replaced. */
  boolean anyNest() {
    return anyNest;
  }

  /**
   * The entries in insertion order: those there now, each as it is when read. Entries added
   * later are not part of the list (a self-recursive call may add to the summary it reads).
   */
  List<Summary.Acquisition> values() {
    int n = size;
    return new AbstractList<>() {
      @Override
      public Summary.Acquisition get(int i) {
        Objects.checkIndex(i, n);
        return entries[i];
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  /**
   * Mixed, so that the low bits the table indexes by vary: the components' plain combination left
   * enough collisions in a kernel recursion's summaries for lookups to walk long runs.
   */
  static int hash(LockKey key, Mode mode, int cuts, int irqsOn, long nullParams) {
    int h = ((key.hashCode() * 31 + mode.ordinal()) * 31 + cuts) * 31 + irqsOn;
    if (nullParams != 0) h = h * 31 + Long.hashCode(nullParams);
    h *= 0x9E3779B1;
    return h ^ (h >>> 16);
  }

  private void insert(int hash, int index) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = ((long) hash << 32) | (index + 1L);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long slot : old) if (slot != 0) insert((int) (slot >>> 32), (int) slot - 1);
  }
}
