package org.lockorder.analysis;

import java.util.Arrays;
import java.util.Objects;

/** A growable list of ints, without boxing (the changes a summary collects during propagation, and the like). */
final class IntList {
  private int[] values = new int[8];
  private int size;

  void add(int v) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = v;
  }

  int get(int i) {
    Objects.checkIndex(i, size);
    return values[i];
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  void clear() {
    size = 0;
  }
}
