package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
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
   * bit (at most 64, in node order): only those can make a later branch follow an earlier one. An
   * assignment of a constant to a variable the condition reads counts as a test too (it decides
   * the condition, {@link ParameterValues#afterAssign}), and, when {@code returnsRead}, so does a
   * {@code return v} of a condition that is the variable {@code v} alone ({@link
   * #returnedCondition}). Only functions that test a trylock's result, or whose test of a returned
   * variable decides a lock ({@link #returnDecidesLocking}), read their returns: kept to the exit,
   * {@code err}'s decision would split the states of every {@code return err;} function, which cost
   * the largest recursion of Linux 6.1 fs/+mm/ about 3 s (18.6 s against 15.5 s).
   */
  static Map<String, Integer> correlated(Cfg cfg, boolean returnsRead) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Node n : cfg.nodes()) if (n.condition() != null) count.merge(n.condition().expression(), 1, Integer::sum);
    if (!count.isEmpty()) {
      for (Node n : cfg.nodes()) {
        if (n.event() instanceof Event.Assign a && a.constant() != null) {
          for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (reads(e.getKey(), a.variable())) e.setValue(e.getValue() + 1);
          }
        }
        String returned = returnsRead ? returnedCondition(n) : null;
        if (returned != null) count.computeIfPresent(returned, (k, v) -> v + 1);
      }
    }
    // A test of a bare variable ('if (ret)') settles, on its zero side, the tests of that variable
    // against constants ('ret == -ENOSPC'): each pair correlates (zeroSideDecides).
    for (String v : new ArrayList<>(count.keySet())) {
      if (!isVariable(v)) continue;
      for (Map.Entry<String, Integer> e : count.entrySet()) {
        if (!e.getKey().equals(v) && reads(e.getKey(), v)) {
          e.setValue(e.getValue() + 1);
          count.merge(v, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> bits = new HashMap<>();
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (e.getValue() >= 2 && bits.size() < Long.SIZE) bits.put(e.getKey(), bits.size());
    }
    return bits;
  }

  /** Whether a condition's text is one variable name ({@code ret}, {@code page}). */
  static boolean isVariable(String expression) {
    if (expression.isEmpty() || !Character.isJavaIdentifierStart(expression.charAt(0))) return false;
    for (int i = 1; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_') return false;
    }
    return true;
  }

  /**
   * By the bit of a bare variable's test: the bits of the other tests of that variable and what
   * each says when the variable is zero ({@code ret == -ENOSPC} is false where {@code if (ret)} was
   * not taken), where the constants decide it.
   */
  static Map<Integer, List<long[]>> zeroSideDecides(
      Map<String, Integer> bits, java.util.function.Function<String, Long> constants) {
    Map<Integer, List<long[]>> out = new HashMap<>();
    for (Map.Entry<String, Integer> v : bits.entrySet()) {
      if (!isVariable(v.getKey())) continue;
      for (Map.Entry<String, Integer> e : bits.entrySet()) {
        if (e.getKey().equals(v.getKey()) || !reads(e.getKey(), v.getKey())) continue;
        Boolean nonzero = ConditionValue.nonzero(e.getKey(), name -> name.equals(v.getKey()) ? Long.valueOf(0) : constants.apply(name));
        if (nonzero != null) out.computeIfAbsent(v.getValue(), k -> new ArrayList<>()).add(new long[] {e.getValue(), nonzero ? 1 : 0});
      }
    }
    return out;
  }

  /** Whether condition text {@code expression} reads variable {@code v} (one of its tokens). */
  static boolean reads(String expression, String v) {
    for (String token : expression.split(" ")) if (token.equals(v)) return true;
    return false;
  }

  /**
   * Whether a branch on a variable that a {@code return v;} returns takes or drops a lock on one
   * side only: then what the function returns says which locks it holds (6.1's
   * {@code lock_cluster_or_swap_info}: {@code ci = lock_cluster(..); if (!ci) spin_lock(&si->lock);
   * return ci;}), and its exits must carry the decision. A side is what only that successor
   * reaches. Functions without such a branch do not read their returns: kept to the exit, a
   * decision would split the states of every {@code return err;} function for nothing.
   */
  static boolean returnDecidesLocking(Cfg cfg) {
    // Built for every analysis of a function: most have no lock event or no 'return v', and stop here.
    java.util.Set<String> returned = new java.util.HashSet<>();
    boolean locks = false;
    for (Node n : cfg.nodes()) {
      String r = returnedCondition(n);
      if (r != null) returned.add(r);
      locks |= n.event() instanceof Event.Acquire || n.event() instanceof Event.Release;
    }
    if (returned.isEmpty() || !locks) return false;
    for (Node n : cfg.nodes()) {
      if (n.condition() == null || n.successors().size() != 2 || !returned.contains(n.condition().expression())) continue;
      java.util.BitSet one = reach(cfg, n.successors().get(0));
      java.util.BitSet other = reach(cfg, n.successors().get(1));
      java.util.BitSet onlyOne = (java.util.BitSet) one.clone();
      onlyOne.andNot(other);
      other.andNot(one);
      onlyOne.or(other);
      for (int i = onlyOne.nextSetBit(0); i >= 0; i = onlyOne.nextSetBit(i + 1)) {
        Event e = cfg.node(i).event();
        if (e instanceof Event.Acquire || e instanceof Event.Release) return true;
      }
    }
    return false;
  }

  /** The nodes reachable from {@code from}, itself included. */
  private static java.util.BitSet reach(Cfg cfg, int from) {
    java.util.BitSet seen = new java.util.BitSet(cfg.nodes().size());
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
    seen.set(from);
    work.add(from);
    while (!work.isEmpty()) {
      for (int next : cfg.node(work.poll()).successors()) {
        if (!seen.get(next)) {
          seen.set(next);
          work.add(next);
        }
      }
    }
    return seen;
  }

  /** The variable a {@code return v;} node returns, which may be a condition's whole text; else null. */
  static String returnedCondition(Node n) {
    if (!(n.event() instanceof Event.Return r) || r.value() == null) return null;
    String text = r.value().text();
    return text != null && !text.isEmpty() && Character.isJavaIdentifierStart(text.charAt(0))
        && text.chars().allMatch(Character::isJavaIdentifierPart) ? text : null;
  }

  /**
   * Per node, the conditions tested there or at a node reachable from it without passing an
   * assignment to a variable they read: a path keeps a decided condition only while a branch on
   * it lies ahead, so states that differ only in decisions no branch will read again merge.
   */
  static long[] live(Cfg cfg, Map<String, Integer> bits, long atExit, ParameterValues values, boolean returnsRead) {
    int size = cfg.nodes().size();
    long[] live = new long[size];
    long[] kill = new long[size];
    for (Node n : cfg.nodes()) {
      Integer bit = n.condition() == null ? null : bits.get(n.condition().expression());
      if (bit != null) live[n.id()] = 1L << bit;
      String returned = returnsRead ? returnedCondition(n) : null;
      Integer read = returned == null ? null : bits.get(returned);
      if (read != null) live[n.id()] |= 1L << read;
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
