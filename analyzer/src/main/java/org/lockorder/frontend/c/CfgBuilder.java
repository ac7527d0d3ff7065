package org.lockorder.frontend.c;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.Cfg;

/**
 * Lowers a function body to a Cfg: statements here, expressions and conditions in
 * ExpressionFlow. Every return and the end of the body reach the exit node.
 */
final class CfgBuilder {
  final CfgGraph graph = new CfgGraph();
  private final ExpressionFlow flow;
  private final Map<String, Integer> labels = new HashMap<>();
  private final Deque<Integer> breakTargets = new ArrayDeque<>();
  private final Deque<Integer> continueTargets = new ArrayDeque<>();
  private final Deque<SwitchFrame> switches = new ArrayDeque<>();
  private final BodyVariables variables;

  /** An open switch: its dispatch node and whether a default label was seen. */
  private static final class SwitchFrame {
    final int node;
    boolean hasDefault;

    SwitchFrame(int node) {
      this.node = node;
    }
  }

  /**
   * @param functionPointers locals and parameters: calls through them are indirect
   * @param variables what the body does to its variables ({@link StableVariables})
   */
  CfgBuilder(SourceMap source, Set<String> functionPointers, BodyVariables variables) {
    this.flow = new ExpressionFlow(this, source, functionPointers, variables);
    this.variables = variables;
  }

  Cfg build(CParser.CompoundStatementContext body) {
    int end = stmt(StatementTreeBuilder.block(body), Cfg.ENTRY);
    graph.edge(end, Cfg.EXIT);
    // A test of a variable that changes is only read right where every assignment to it is seen.
    Set<String> unseen = flow.unseenAssignments();
    graph.dropConditionsReading(unseen);
    // A local's Assign nodes stay only when a path needs them: a test of it against NULL, or a
    // condition on it that two branches test. A reassigned parameter keeps them (ADR-007).
    Set<String> tested = graph.testedVariables();
    Set<String> dropped = new TreeSet<>();
    followed.clear();
    variables.flowTracked().forEach((name, n) -> {
      boolean param = variables.reassignedParams().containsKey(name);
      if (!param && (unseen.contains(name) || !tested.contains(name))) dropped.add(name);
      else if (!unseen.contains(name)) followed.add(name);
    });
    // A flag local's tests stay without its Assign nodes: the bits it can hold (whatever the
    // path) may decide them (ADR-007 later: flag bits); tested once, they correlate nothing.
    Set<String> conditionsDropped = new TreeSet<>(dropped);
    conditionsDropped.removeAll(variables.bitFlags().keySet());
    graph.dropConditionsReading(conditionsDropped);
    graph.dropAssignsOf(dropped);
    graph.followAssignmentsOf(followed);
    return graph.freeze();
  }

  /** After {@link #build}: by local variable, the calls whose result it is assigned. */
  java.util.Map<String, java.util.List<org.lockorder.ir.Location>> resultCalls() {
    return flow.resultCalls();
  }

  /**
   * After {@link #build}: the variables with an Assign node for each of their assignments, whose
   * tests against NULL therefore have no last assignment (ADR-006, flow-sensitive).
   */
  Set<String> followed() {
    return Set.copyOf(followed);
  }

  private final Set<String> followed = new TreeSet<>();

  /** Lowers s starting at node 'cur' (-1: unreachable); returns where control continues. */
  int stmt(Stmt s, int cur) {
    if (s instanceof Stmt.Block b) {
      List<Stmt> items = b.items();
      for (int k = 0; k < items.size(); k++) {
        int partner = CountedLoops.partner(items, k);
        if (partner < 0) {
          cur = stmt(items.get(k), cur);
        } else {
          cur = countedLoopPair(items, k, partner, cur);
          k = partner;
        }
      }
      return cur;
    }
    if (s instanceof Stmt.Eval e) {
      int asserted = flow.assertion(e.tree(), cur);
      return asserted != -2 ? asserted : flow.expr(e.tree(), cur);
    }
    if (s instanceof Stmt.If i) return ifStmt(i, cur);
    if (s instanceof Stmt.While w) {
      int head = graph.join();
      graph.edge(cur, head);
      flow.forgetCallResults();
      int body = graph.join();
      int after = graph.join();
      flow.cond(w.cond(), head, body, after);
      graph.edge(loopBody(w.body(), body, after, head), head);
      return after;
    }
    if (s instanceof Stmt.DoWhile d) {
      // 'do { ... } while (0)', the shape of every statement macro, runs its body once: a literal
      // condition has one side only, and a back edge would make a lock taken inside look taken twice.
      return doLoop(d.body(), cur, (test, again, out) -> flow.cond(d.cond(), test, again, out));
    }
    if (s instanceof Stmt.DoUntilMacro d) {
      // The macro's test, which assigns the names given to it at each pass: again, or out.
      return doLoop(d.body(), cur,
          (test, again, out) -> graph.branch(flow.iteratorAssigned(d.args(), flow.call(d.macro(), d.args(), test)), again, out, null));
    }
    if (s instanceof Stmt.For f) return forStmt(f, cur);
    if (s instanceof Stmt.Iterator it) {
      cur = flow.call(it.macro(), it.args(), cur);
      // 'D2({ ... })' with no ';' is read as an iterator head, but a macro that takes code is
      // a statement of its own: what follows it is the next statement, run once.
      if (it.args().argument().stream().anyMatch(StatementTreeBuilder::isCode)) {
        return stmt(it.body(), flow.iteratorAssigned(it.args(), cur));
      }
      int head = graph.join();
      graph.edge(cur, head);
      int body = graph.join();
      int after = graph.join();
      // The iterator is assigned again before each test of the loop, the last one included.
      graph.branch(flow.iteratorAssigned(it.args(), head), body, after, null);
      graph.edge(loopBody(it.body(), body, after, head), head);
      return after;
    }
    if (s instanceof Stmt.Switch sw) return switchStmt(sw, cur);
    if (s instanceof Stmt.CaseLabel c) {
      flow.forgetCallResults();
      int j = graph.join();
      graph.edge(cur, j);
      if (!switches.isEmpty()) {
        graph.addSuccessor(switches.peek().node, j);
        if (c.isDefault()) switches.peek().hasDefault = true;
      }
      return j;
    }
    if (s instanceof Stmt.Label l) {
      flow.forgetCallResults();
      int j = label(l.name());
      graph.edge(cur, j);
      return j;
    }
    if (s instanceof Stmt.Goto g) {
      graph.edge(cur, g.name() == null ? Cfg.EXIT : label(g.name()));
      return -1;
    }
    if (s instanceof Stmt.Break) {
      graph.edge(cur, breakTargets.isEmpty() ? Cfg.EXIT : breakTargets.peek());
      return -1;
    }
    if (s instanceof Stmt.Continue) {
      graph.edge(cur, continueTargets.isEmpty() ? Cfg.EXIT : continueTargets.peek());
      return -1;
    }
    if (s instanceof Stmt.Return r) {
      if (r.value() != null) cur = flow.returnValue(r.value(), flow.expr(r.value(), cur));
      graph.edge(cur, Cfg.EXIT);
      return -1;
    }
    return cur;
  }

  private int ifStmt(Stmt.If i, int cur) {
    int whenTrue = graph.join();
    int whenFalse = graph.join();
    flow.cond(i.cond(), cur, whenTrue, whenFalse);
    var before = flow.callResults();
    int thenEnd = stmt(i.then(), whenTrue);
    var afterThen = flow.callResults();
    if (i.otherwise() == null) {
      graph.edge(thenEnd, whenFalse);
      flow.mergeCallResults(before, afterThen, false);
      return whenFalse;
    }
    int elseEnd = stmt(i.otherwise(), whenFalse);
    flow.mergeCallResults(before, afterThen, true);
    int after = graph.join();
    graph.edge(thenEnd, after);
    graph.edge(elseEnd, after);
    return after;
  }

  /** How a {@code do} loop's test leaves {@code test}: back to {@code again}, or on to {@code out}. */
  private interface LoopTest {
    void link(int test, int again, int out);
  }

  /** 'do body test': the body once, then the test, which goes back to it or on. */
  private int doLoop(Stmt body, int cur, LoopTest test) {
    int start = graph.join();
    graph.edge(cur, start);
    int next = graph.join();
    int after = graph.join();
    graph.edge(loopBody(body, start, after, next), next);
    test.link(next, start, after);
    return after;
  }

  private int forStmt(Stmt.For f, int cur) {
    cur = stmt(f.init(), cur);
    int head = graph.join();
    graph.edge(cur, head);
    flow.forgetCallResults();
    int body = graph.join();
    int after = graph.join();
    if (f.cond() != null) flow.cond(f.cond(), head, body, after);
    else graph.edge(head, body);
    int next = graph.join();
    graph.edge(loopBody(f.body(), body, after, next), next);
    int stepEnd = f.step() == null ? next : flow.expr(f.step(), next);
    graph.edge(stepEnd, head);
    return after;
  }

  /**
   * items[first] and items[second] are counted loops over the same range (CountedLoops): the
   * second loop's first test is the first loop's. The code between them is lowered twice, once
   * after a first loop that ran (the second then runs at least once) and once after one that did
   * not (the second does not run either).
   */
  private int countedLoopPair(List<Stmt> items, int first, int second, int cur) {
    Stmt.For f1 = (Stmt.For) items.get(first);
    Stmt.For f2 = (Stmt.For) items.get(second);
    cur = stmt(f1.init(), cur);
    flow.forgetCallResults();
    int body1 = graph.join();
    int zeroTrips = graph.join();
    int ran = graph.join();
    flow.cond(f1.cond(), cur, body1, zeroTrips);
    loopAfterFirstTest(f1, body1, ran);
    int after = graph.join();
    int body2 = graph.join();
    graph.edge(between(items, first, second, ran), body2);
    loopAfterFirstTest(f2, body2, after);
    graph.edge(between(items, first, second, zeroTrips), after);
    flow.forgetCallResults();
    return after;
  }

  /** A for loop's body from {@code body}, its step, and the tests after the first one. */
  private void loopAfterFirstTest(Stmt.For f, int body, int exit) {
    int head = graph.join();
    flow.cond(f.cond(), head, body, exit);
    int next = graph.join();
    graph.edge(loopBody(f.body(), body, exit, next), next);
    graph.edge(f.step() == null ? next : flow.expr(f.step(), next), head);
  }

  /** The items strictly between two loops, then the second loop's init. */
  private int between(List<Stmt> items, int first, int second, int cur) {
    flow.forgetCallResults();
    for (int k = first + 1; k < second; k++) cur = stmt(items.get(k), cur);
    return stmt(((Stmt.For) items.get(second)).init(), cur);
  }

  private int loopBody(Stmt body, int start, int breakTo, int continueTo) {
    flow.forgetCallResults();
    breakTargets.push(breakTo);
    continueTargets.push(continueTo);
    try {
      return stmt(body, start);
    } finally {
      breakTargets.pop();
      continueTargets.pop();
    }
  }

  private int switchStmt(Stmt.Switch sw, int cur) {
    cur = flow.expr(sw.cond(), cur);
    int dispatch = graph.join();
    graph.edge(cur, dispatch);
    int after = graph.join();
    SwitchFrame frame = new SwitchFrame(dispatch);
    switches.push(frame);
    breakTargets.push(after);
    int end;
    try {
      end = stmt(sw.body(), -1);
    } finally {
      switches.pop();
      breakTargets.pop();
    }
    graph.edge(end, after);
    if (!frame.hasDefault) graph.addSuccessor(dispatch, after);
    return after;
  }

  private int label(String name) {
    return labels.computeIfAbsent(name, n -> graph.join());
  }
}
