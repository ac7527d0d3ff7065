package org.lockorder.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The held-lock states that reached one CFG node, distinct by {@link LockState#identity}, in the
 * order they arrived. Most nodes see one or two states, so up to {@link #SCAN} are compared one by
 * one and a hash table is built only past that: a function analysis makes one set per node, and
 * a LinkedHashMap per node, with its table and entries, costs several times an array of two.
 */
final class StateSet {
  private static final int SCAN = 8;

  private LockState[] states = new LockState[2];
  private int size;
  /** By identity, once there are more than {@link #SCAN} states. */
  private Map<Object, LockState> index;

  int size() {
    return size;
  }

  LockState get(int i) {
    return states[i];
  }

  /** Adds {@code s} unless a state with the same identity is here; says whether it was added. */
  boolean add(LockState s) {
    Object id = s.identity();
    if (index != null) {
      if (index.putIfAbsent(id, s) != null) return false;
    } else {
      for (int i = 0; i < size; i++) if (states[i].identity().equals(id)) return false;
      if (size == SCAN) {
        index = new HashMap<>();
        for (int i = 0; i < size; i++) index.put(states[i].identity(), states[i]);
        index.put(id, s);
      }
    }
    if (size == states.length) states = Arrays.copyOf(states, 2 * size);
    states[size++] = s;
    return true;
  }
}
