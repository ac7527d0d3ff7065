package org.lockorder.analysis;

import java.util.Arrays;

/**
 * A set of ops tables, by the ids {@link CallGraph#tableId} gives their names: the tables an
 * indirect call's target is stored in, or the tables one path's pointer may point at ({@link
 * OpsChoice}). Immutable, sorted, compared by value. "Any table" is null where it is used, never an
 * instance: a target stored at run time ({@code m->op = &x_ops}) is in no table the program names.
 */
final class TableSet {
  private final int[] ids;
  private final int hash;

  private TableSet(int[] ids) {
    this.ids = ids;
    this.hash = Arrays.hashCode(ids);
  }

  static TableSet of(int id) {
    return new TableSet(new int[] {id});
  }

  /** The set of these ids, in any order and with repeats. */
  static TableSet of(int[] ids) {
    int[] sorted = Arrays.stream(ids).sorted().distinct().toArray();
    return new TableSet(sorted);
  }

  /** The union; null (any table) when either is. */
  static TableSet union(TableSet a, TableSet b) {
    if (a == null || b == null) return null;
    if (a.equals(b)) return a;
    int[] out = new int[a.ids.length + b.ids.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.ids.length || j < b.ids.length) {
      int x = i < a.ids.length ? a.ids[i] : Integer.MAX_VALUE;
      int y = j < b.ids.length ? b.ids[j] : Integer.MAX_VALUE;
      int next = Math.min(x, y);
      if (x == next) i++;
      if (y == next) j++;
      out[n++] = next;
    }
    return new TableSet(Arrays.copyOf(out, n));
  }

  /** The intersection, where null is any table; empty when they share none. */
  static TableSet intersect(TableSet a, TableSet b) {
    if (a == null) return b;
    if (b == null || a.equals(b)) return a;
    int[] out = new int[Math.min(a.ids.length, b.ids.length)];
    int n = 0;
    for (int i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
      if (a.ids[i] == b.ids[j]) {
        out[n++] = a.ids[i];
        i++;
        j++;
      } else if (a.ids[i] < b.ids[j]) {
        i++;
      } else {
        j++;
      }
    }
    return new TableSet(Arrays.copyOf(out, n));
  }

  /** Whether the two share no table (never, when either is any table). */
  static boolean disjoint(TableSet a, TableSet b) {
    return a != null && b != null && intersect(a, b).isEmpty();
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  int size() {
    return ids.length;
  }

  int id(int i) {
    return ids[i];
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof TableSet t && t.hash == hash && Arrays.equals(t.ids, ids);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(ids);
  }
}
