package org.lockorder.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Node;

/**
 * The branch conditions one function analysis keeps decisions on ({@link LockState#decided}): which
 * get a bit, and where each bit is still read. ADR-004 (correlated tests), ADR-006 (pointer
 * parameters' NULL facts) and ADR-007 (assigned parameters) add bits of their own; an assignment
 * to a variable a condition reads ends that condition's bit.
 */
final class ConditionBits {
  private ConditionBits() {}

  /**
   * Conditions over stable variables ({@link Node.Condition}) that two or more branches test, by
   * bit (at most 64, in node order): only those can make a later branch follow an earlier one.
   */
  static Map<String, Integer> correlated(Cfg cfg) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Node n : cfg.nodes()) if (n.condition() != null) count.merge(n.condition().expression(), 1, Integer::sum);
    Map<String, Integer> bits = new HashMap<>();
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (e.getValue() >= 2 && bits.size() < Long.SIZE) bits.put(e.getKey(), bits.size());
    }
    return bits;
  }

  /**
   * Per node, the conditions tested there or at a node reachable from it without passing an
   * assignment to a variable they read: a path keeps a decided condition only while a branch on
   * it lies ahead, so states that differ only in decisions no branch will read again merge.
   */
  static long[] live(Cfg cfg, Map<String, Integer> bits, long atExit, ParameterValues values) {
    int size = cfg.nodes().size();
    long[] live = new long[size];
    long[] kill = new long[size];
    for (Node n : cfg.nodes()) {
      Integer bit = n.condition() == null ? null : bits.get(n.condition().expression());
      if (bit != null) live[n.id()] = 1L << bit;
      live[n.id()] |= values.readsAt(n);
      kill[n.id()] = values.forgetsAt(n);
    }
    live[Cfg.EXIT] |= atExit; // read by the exits (pointer parameters)
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = size - 1; i >= 0; i--) {
        long after = 0;
        for (int succ : cfg.node(i).successors()) after |= live[succ];
        long v = live[i] | after & ~kill[i];
        if (v != live[i]) {
          live[i] = v;
          changed = true;
        }
      }
    }
    return live;
  }
}
