package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.Event;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.Node;
import org.lockorder.ir.Param;

/**
 * Ops tables and callbacks passed as arguments (ADR-008): {@code walk_page_range(mm, start, end,
 * &smaps_walk_ops, NULL)} walks with smaps' callbacks only, {@code rmap_walk(folio, &rwc)} calls
 * the {@code rmap_one} its caller's {@code rwc} literal names, {@code iomap_iter(&iter, ops)} the
 * {@code iomap_begin} of the table its file system passed. The call graph gives such a call its
 * own copy of the callee ({@link CallGraph}), in which the indirect calls through that parameter
 * reach only what the argument holds.
 *
 * <p>This class knows the values: what an argument evaluates to in a function whose parameters
 * are bound, and which parameters of a function end in an indirect call, directly or handed on.
 */
final class OpsArguments {
  /** What an argument holds, as far as it names functions. */
  sealed interface Value permits Table, Literal, Fn, Null, Unknown {}

  /** A global struct initialised with functions ({@code smaps_walk_ops}); {@code prefix} for a nested member. */
  record Table(String file, String variable, String prefix) implements Value {}

  /**
   * A local struct given a designated initializer: its fields. A field it does not set is NULL,
   * unless the body also stores into the struct's members ({@code open}): then only the fields
   * seen are known.
   */
  record Literal(SortedMap<String, Value> fields, boolean open) implements Value {}

  /** A function, stored at {@code storedAt} ({@code via} says how). */
  record Fn(String name, String file, String via, Location storedAt) implements Value {}

  /** A member nothing was stored in: a call through it does not happen. */
  record Null() implements Value {}

  /** Something else (a data pointer, a value the caller computed). */
  record Unknown() implements Value {}

  static final Value NULL = new Null();
  static final Value UNKNOWN = new Unknown();
  private static final int DEPTH = 6;

  private final Program program;
  /** By table variable name: its field initializers, by file. */
  private final Map<String, Map<String, List<FieldInit>>> tables = new HashMap<>();
  /** Globals some code assigns a member of: their initializers are not the whole story. */
  private final Set<String> storedInCode = new HashSet<>();
  /** By function (by reference): bit i when parameter i ends in an indirect call. */
  private final Map<Function, Long> used = new IdentityHashMap<>();

  OpsArguments(Program program) {
    this.program = program;
    for (FieldInit fi : program.fieldInits()) {
      tables.computeIfAbsent(fi.variable(), k -> new TreeMap<>())
          .computeIfAbsent(fi.location().file(), k -> new ArrayList<>()).add(fi);
    }
    for (Function f : program.functions()) {
      for (Assignment a : f.assignments()) {
        if (a.target().root() instanceof AccessPath.Var v && !a.target().fields().isEmpty()
            && !f.locals().containsKey(v.name()) && !isParam(f, v.name())) {
          storedInCode.add(v.name());
        }
      }
    }
  }

  /**
   * Which parameters of each function end in an indirect call, callees first, a recursion until
   * nothing changes; {@code targets} gives the calls' callees as the call graph resolved them.
   */
  void findUses(List<List<Function>> bottomUp, java.util.function.BiFunction<Function, Integer, List<CallTarget>> targets) {
    // Within a recursion, only the callers of a function whose uses grew look again.
    Map<Function, List<Function>> callers = new IdentityHashMap<>();
    for (List<Function> scc : bottomUp) {
      if (scc.size() == 1) {
        long now = uses(scc.get(0), targets);
        if (now != 0) used.put(scc.get(0), now);
        continue;
      }
      Set<Function> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      members.addAll(scc);
      callers.clear();
      for (Function f : scc) {
        for (Node n : callNodes(f)) {
          for (CallTarget t : targets.apply(f, n.id())) {
            if (members.contains(t.function())) callers.computeIfAbsent(t.function(), k -> new ArrayList<>()).add(f);
          }
        }
      }
      java.util.ArrayDeque<Function> work = new java.util.ArrayDeque<>(scc);
      Set<Function> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      queued.addAll(scc);
      while (!work.isEmpty()) {
        Function f = work.poll();
        queued.remove(f);
        long before = used.getOrDefault(f, 0L);
        long now = before | uses(f, targets);
        if (now == before) continue;
        used.put(f, now);
        for (Function c : callers.getOrDefault(f, List.of())) if (queued.add(c)) work.add(c);
      }
    }
  }

  /**
   * The nodes of {@code f} that call, direct or through a pointer, in node order: a recursion's
   * fixpoint reads a function's calls again on every pass, and its other nodes are most of it.
   */
  private List<Node> callNodes(Function f) {
    List<Node> known = callNodes.get(f);
    if (known != null) return known;
    List<Node> out = new ArrayList<>();
    for (Node n : f.cfg().nodes()) if (n.event() instanceof Event.Call || n.event() instanceof Event.IndirectCall) out.add(n);
    callNodes.put(f, out);
    return out;
  }

  private final Map<Function, List<Node>> callNodes = new IdentityHashMap<>();

  /** Bit i: parameter i of {@code f} ends in an indirect call. */
  long used(Function f) {
    return used.getOrDefault(f, 0L);
  }

  private long uses(Function f, java.util.function.BiFunction<Function, Integer, List<CallTarget>> targets) {
    long out = 0;
    List<Node> calls = callNodes(f);
    for (int i = 0; i < calls.size(); i++) {
      Node n = calls.get(i);
      if (n.event() instanceof Event.IndirectCall ic) out |= params(f, ic.target(), 0);
      List<Arg> args = n.event() instanceof Event.Call c ? c.args() : n.event() instanceof Event.IndirectCall c ? c.args() : null;
      if (args == null || args.isEmpty()) continue;
      List<CallTarget> ts = targets.apply(f, n.id());
      for (int j = 0; j < ts.size(); j++) {
        CallTarget t = ts.get(j);
        long wanted = used(t.function());
        for (int k = 0; wanted != 0 && k < args.size() && k < Long.SIZE; k++) {
          if ((wanted & (1L << k)) != 0 && args.get(k).path() != null) out |= params(f, args.get(k).path(), 0);
        }
      }
    }
    return out;
  }

  /**
   * By function, then by variable: {@link #params} of the variable at each depth, plus one (0 when
   * not yet known). The fixpoint over a recursion asks again for the same variables.
   */
  private final Map<Function, Map<String, long[]>> carried = new IdentityHashMap<>();

  /** The parameters of {@code f} whose value {@code path} carries (through copies and literals). */
  private long params(Function f, AccessPath path, int depth) {
    if (depth > DEPTH || !(path.root() instanceof AccessPath.Var v)) return 0;
    long[] known = carried.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(v.name(), k -> new long[DEPTH + 1]);
    if (known[depth] == 0) known[depth] = carriedBy(f, v, depth) + 1;
    return known[depth] - 1;
  }

  private long carriedBy(Function f, AccessPath.Var v, int depth) {
    List<Param> ps = f.params();
    for (int i = 0; i < ps.size() && i < Long.SIZE; i++) if (ps.get(i).name().equals(v.name())) return 1L << i;
    if (!f.locals().containsKey(v.name())) return 0;
    long out = 0;
    for (Assignment a : f.assignments()) {
      if (a.target().root() instanceof AccessPath.Var t && t.name().equals(v.name()) && a.value().path() != null) {
        out |= params(f, a.value().path(), depth + 1);
      }
    }
    return out;
  }

  /**
   * What a call from {@code f} (its parameters bound to {@code bound}) passes to the parameters of
   * {@code callee} that end in an indirect call, by parameter index (null where nothing is known);
   * null when it passes nothing known. A function passed as it is (a kref release,
   * {@code migrate_pages}' {@code get_new_page}) counts as unknown: binding it reaches code no
   * call-graph edge reached before, a decision of its own (see the ADR).
   */
  List<Value> argumentValues(Function f, Map<String, Value> bound, Function callee, List<Arg> args) {
    long wanted = used(callee);
    if (wanted == 0) return null;
    List<Value> values = new ArrayList<>();
    boolean any = false;
    for (int k = 0; k < callee.params().size() && k < Long.SIZE; k++) {
      Value v = (wanted & (1L << k)) == 0 || k >= args.size() || callee.params().get(k).name().isEmpty()
          ? null : eval(f, bound, args.get(k).path());
      if (v instanceof Fn) v = null;
      values.add(v);
      any |= v != null;
    }
    return any ? values : null;
  }

  /** Bound parameter values by parameter name. */
  static Map<String, Value> byName(Function g, List<Value> values) {
    Map<String, Value> names = new HashMap<>();
    for (int k = 0; k < values.size(); k++) if (values.get(k) != null) names.put(g.params().get(k).name(), values.get(k));
    return Map.copyOf(names);
  }

  /**
   * What {@code path} holds in {@code f}, whose parameters have the values {@code bound} (by
   * name); null when it is not known.
   */
  Value eval(Function f, Map<String, Value> bound, AccessPath path) {
    return eval(f, bound, path, 0);
  }

  private Value eval(Function f, Map<String, Value> bound, AccessPath path, int depth) {
    if (path == null || depth > DEPTH || path.indexed() || !(path.root() instanceof AccessPath.Var v)) return null;
    Value base = variable(f, bound, v.name(), path.fields().isEmpty(), depth);
    for (String field : path.fields()) {
      if (base == null) return null;
      base = member(base, field);
    }
    return base instanceof Unknown ? null : base;
  }

  private Value variable(Function f, Map<String, Value> bound, String name, boolean whole, int depth) {
    if (bound.containsKey(name)) return bound.get(name);
    if (isParam(f, name)) return null;
    if (f.locals().containsKey(name)) return local(f, bound, name, depth);
    Function fn = whole ? program.resolve(name, f.location().file()) : null;
    if (fn != null) return new Fn(fn.name(), fn.location().file(), null, null);
    return table(name, f.location().file());
  }

  /**
   * A local: the struct its designated initializer (or member stores) build, or the one value its
   * single assignment copies; null for anything else.
   */
  private Value local(Function f, Map<String, Value> bound, String name, int depth) {
    Assignment whole = null;
    int wholeCount = 0;
    boolean initialized = false;
    boolean stored = false;
    SortedMap<String, Value> fields = new TreeMap<>();
    for (Assignment a : f.assignments()) {
      if (!(a.target().root() instanceof AccessPath.Var t) || !t.name().equals(name)) continue;
      List<String> fs = a.target().fields();
      if (fs.isEmpty()) {
        whole = a;
        wholeCount++;
      } else if (fs.size() == 1) {
        if (a.literal()) initialized = true;
        else stored = true;
        Value v = eval(f, bound, a.value().path(), depth + 1);
        if (v instanceof Fn fn && fn.via() == null) {
          v = new Fn(fn.name(), fn.file(), a.target().text() + " = " + fn.name() + " (" + a.location() + ")", a.location());
        }
        fields.merge(fs.get(0), v == null ? UNKNOWN : v, (x, y) -> x.equals(y) ? x : UNKNOWN);
      } else {
        return null;
      }
    }
    if (wholeCount == 1 && fields.isEmpty()) return eval(f, bound, whole.value().path(), depth + 1);
    if (wholeCount == 0 && !fields.isEmpty()) return new Literal(fields, stored || !initialized);
    return null;
  }

  /** A global initialised with functions, seen from {@code file}; null when none or ambiguous. */
  private Value table(String name, String file) {
    Map<String, List<FieldInit>> byFile = tables.get(name);
    if (byFile == null || storedInCode.contains(name)) return null;
    if (byFile.containsKey(file)) return new Table(file, name, "");
    return byFile.size() == 1 ? new Table(byFile.keySet().iterator().next(), name, "") : null;
  }

  private Value member(Value base, String field) {
    if (base instanceof Null) return NULL;
    if (base instanceof Literal l) return l.fields().getOrDefault(field, l.open() ? UNKNOWN : NULL);
    if (!(base instanceof Table t)) return null;
    String path = t.prefix().isEmpty() ? field : t.prefix() + "." + field;
    boolean nested = false;
    for (FieldInit fi : tables.get(t.variable()).get(t.file())) {
      if (fi.field().equals(path)) return initialized(fi);
      nested |= fi.field().startsWith(path + ".");
    }
    return nested ? new Table(t.file(), t.variable(), path) : NULL;
  }

  /** What a table's initializer stores: a function, another table, or something else. */
  private Value initialized(FieldInit fi) {
    Function fn = program.resolve(fi.function(), fi.location().file());
    if (fn != null) {
      String via = fi.structType() + "." + fi.field() + " = " + fi.function() + " in " + fi.variable() + " (" + fi.location() + ")";
      return new Fn(fn.name(), fn.location().file(), via, fi.location());
    }
    Value t = table(fi.function(), fi.location().file());
    return t != null ? t : UNKNOWN;
  }

  /** The function {@code v} names, or null. */
  Function function(Fn v) {
    return program.resolve(v.name(), v.file());
  }

  private static boolean isParam(Function f, String name) {
    for (Param p : f.params()) if (p.name().equals(name)) return true;
    return false;
  }
}
