package org.lockorder.frontend.c;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Node;

/**
 * A mutable CFG under construction. Lowering creates join nodes freely; {@link #freeze} removes
 * the no-op ones and the unreachable ones and renumbers, so the result stays small.
 */
final class CfgGraph {
  private final List<Event> events = new ArrayList<>();
  private final List<List<Integer>> successors = new ArrayList<>();
  private final List<Node.CallResultTest> tests = new ArrayList<>();
  private final List<Node.Condition> conditions = new ArrayList<>();
  private final List<Node.PointerTest> pointerTests = new ArrayList<>();

  CfgGraph() {
    add(null); // entry
    add(null); // exit
  }

  int add(Event e) {
    events.add(e);
    successors.add(new ArrayList<>(2));
    tests.add(null);
    conditions.add(null);
    pointerTests.add(null);
    return events.size() - 1;
  }

  int join() {
    return add(null);
  }

  /** The event of node {@code id} (null for a join or a branch). */
  Event event(int id) {
    return events.get(id);
  }

  /** An edge; 'from' -1 means the current point is unreachable, and nothing is added. */
  void edge(int from, int to) {
    if (from >= 0) successors.get(from).add(to);
  }

  /** A branch node reached from 'from', true edge first. */
  int branch(int from, int whenTrue, int whenFalse, Node.CallResultTest test) {
    return branch(from, whenTrue, whenFalse, test, null, null);
  }

  /**
   * A branch node reached from 'from', true edge first; {@code condition} when it tests variables
   * that keep their value, {@code pointerTest} when it tests a variable against NULL.
   */
  int branch(
      int from, int whenTrue, int whenFalse, Node.CallResultTest test, Node.Condition condition,
      Node.PointerTest pointerTest) {
    int b = add(null);
    edge(from, b);
    successors.get(b).add(whenTrue);
    successors.get(b).add(whenFalse);
    tests.set(b, test);
    conditions.set(b, condition);
    pointerTests.set(b, pointerTest);
    return b;
  }

  /** Says which call's result node {@code node} uses (a return of that result). */
  void setTest(int node, Node.CallResultTest test) {
    tests.set(node, test);
  }

  /** Takes the condition off every branch whose condition reads one of {@code names}. */
  void dropConditionsReading(java.util.Set<String> names) {
    if (names.isEmpty()) return;
    for (int i = 0; i < conditions.size(); i++) {
      Node.Condition c = conditions.get(i);
      if (c == null) continue;
      for (String token : c.expression().split(" ")) {
        if (names.contains(token)) {
          conditions.set(i, null);
          break;
        }
      }
    }
  }

  /**
   * The variables named by a test against NULL ({@link Node.PointerTest}, member paths aside) or
   * read by a condition that two or more branches test ({@link Node.Condition}, tokens split at
   * spaces): the variables whose assignments a path may need to see.
   */
  java.util.Set<String> testedVariables() {
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.Map<String, Integer> count = new java.util.HashMap<>();
    for (Node.Condition c : conditions) if (c != null) count.merge(c.expression(), 1, Integer::sum);
    count.forEach((expression, n) -> {
      if (n >= 2) out.addAll(java.util.List.of(expression.split(" ")));
    });
    for (Node.PointerTest t : pointerTests) if (t != null && !t.variable().contains("->")) out.add(t.variable());
    return out;
  }

  /** Makes the Assign nodes of {@code names} no-ops (joins, removed by {@link #freeze}). */
  void dropAssignsOf(java.util.Set<String> names) {
    if (names.isEmpty()) return;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof Event.Assign a && names.contains(a.variable())) events.set(i, null);
    }
  }

  /**
   * Every test of one of {@code names} against NULL without a last assignment: the CFG has a node
   * for each of their assignments, so a path tells where each was last assigned (ADR-006).
   */
  void followAssignmentsOf(java.util.Set<String> names) {
    if (names.isEmpty()) return;
    for (int i = 0; i < pointerTests.size(); i++) {
      Node.PointerTest t = pointerTests.get(i);
      if (t != null && t.lastAssigned() != null && names.contains(t.variable())) {
        pointerTests.set(i, new Node.PointerTest(t.variable(), t.trueWhenNonzero(), null, t.copies()));
      }
    }
  }

  /** Appends a successor to a switch node. */
  void addSuccessor(int node, int to) {
    successors.get(node).add(to);
  }

  private boolean isNoOp(int id) {
    return id > Cfg.EXIT && events.get(id) == null && tests.get(id) == null
        && successors.get(id).size() == 1;
  }

  /** Follows chains of no-op nodes to the first node that matters. */
  private int target(int id) {
    int steps = 0;
    while (isNoOp(id) && steps++ < events.size()) {
      int next = successors.get(id).get(0);
      if (next == id) break;
      id = next;
    }
    return id;
  }

  Cfg freeze() {
    int n = events.size();
    int[] newId = new int[n];
    Arrays.fill(newId, -1);
    List<Integer> order = new ArrayList<>();
    newId[Cfg.ENTRY] = 0;
    newId[Cfg.EXIT] = 1;
    order.add(Cfg.ENTRY);
    order.add(Cfg.EXIT);
    Deque<Integer> work = new ArrayDeque<>();
    work.add(Cfg.ENTRY);
    while (!work.isEmpty()) {
      int id = work.poll();
      for (int s : successors.get(id)) {
        int t = target(s);
        if (newId[t] < 0) {
          newId[t] = order.size();
          order.add(t);
          work.add(t);
        }
      }
    }
    // Call nodes named by tests must survive even if only reachable through pruned code.
    List<Node> nodes = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      int old = order.get(i);
      List<Integer> succ = new ArrayList<>();
      for (int s : successors.get(old)) succ.add(newId[target(s)]);
      Node.CallResultTest t = tests.get(old);
      if (t != null) t = newId[t.callNode()] < 0 ? null : renumbered(t, newId);
      nodes.add(new Node(i, events.get(old), succ, t, conditions.get(old), pointerTests.get(old)));
    }
    return new Cfg(nodes);
  }

  /** {@code t} with its call nodes renumbered; an alternative call that is gone is left out. */
  private static Node.CallResultTest renumbered(Node.CallResultTest t, int[] newId) {
    List<Integer> also = new ArrayList<>(t.alsoFrom().size());
    for (int n : t.alsoFrom()) if (newId[n] >= 0) also.add(newId[n]);
    return new Node.CallResultTest(newId[t.callNode()], t.trueWhenNonzero(), t.error(), t.negative(), also, t.comparedWith());
  }
}
