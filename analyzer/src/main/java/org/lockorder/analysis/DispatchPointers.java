package org.lockorder.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * The ops pointers of one function whose tables a path can remember ({@link OpsChoice}): a
 * variable that keeps the value it starts the body with (a parameter never assigned, a local
 * assigned only by its initializer), or its members down to the table pointer, none of which the
 * body stores into ({@code ops} in {@code ops->iomap_end(...)}, {@code m->op} in {@code
 * m->op->start(m)}). Where a remembered choice still matters ({@link #live}), and how a callee's
 * choices read in the caller's terms. Made once per function ({@link
 * AnalysisContext#dispatchPointers}), shared by its analyses; the liveness on first need, as most
 * functions never remember one.
 *
 * <p>A callee may still change such a member ({@code m->op = ...} in a function given {@code m}):
 * that is not seen, as it is not for the lock a member names.
 */
final class DispatchPointers {
  private final Function fn;
  /** Variables whose value is the one the body starts with ({@link Function#stable}). */
  private final java.util.Set<String> stable;
  /** By name: the parameters' indexes. */
  private final Map<String, Integer> params = new HashMap<>();
  /** By variable that roots a pointer or is given whole to a call: its bit in {@link #live}. */
  private final Map<String, Integer> bits = new HashMap<>();
  /** By node id: the pointer an indirect call there goes through, for the nodes that have one. */
  private final Map<Integer, String> pointers = new HashMap<>();
  /** The bits of the parameters the function calls through a pointer of, so its exits tell callers. */
  private long exported;
  /** Made on first need by whichever analysis thread asks; all make the same. */
  private volatile long[] live;

  DispatchPointers(Function fn) {
    this.fn = fn;
    java.util.Set<String> fixed = fn.stable();
    if (fixed.isEmpty() && !fn.params().isEmpty()) {
      // Code the frontend did not describe (a copy keeps it; synthetic code has no parameters).
      java.util.Set<String> assigned = new java.util.HashSet<>();
      for (Node n : fn.cfg().nodes()) if (n.event() instanceof Event.Assign a) assigned.add(a.variable());
      fixed = new java.util.HashSet<>();
      for (org.lockorder.ir.Param p : fn.params()) if (!assigned.contains(p.name())) fixed.add(p.name());
    }
    this.stable = fixed;
    for (int i = 0; i < fn.params().size(); i++) params.putIfAbsent(fn.params().get(i).name(), i);
    if (stable.isEmpty()) return;
    for (Node n : fn.cfg().nodes()) {
      if (!(n.event() instanceof Event.IndirectCall call)) continue;
      AccessPath target = call.target();
      if (target == null || target.indexed() || target.fields().isEmpty() || !(target.root() instanceof AccessPath.Var v)) continue;
      // The table pointer: the variable itself ('ops->iomap_end'), or a member of it ('m->op->stop').
      List<String> members = target.fields().subList(0, target.fields().size() - 1);
      if (!stable.contains(v.name()) || storedInto(v.name(), members) || bit(v.name()) < 0) continue;
      pointers.put(n.id(), members.isEmpty() ? v.name() : v.name() + "->" + String.join("->", members));
      Integer param = params.get(v.name());
      if (param != null) exported |= 1L << bit(v.name());
    }
    // Then the variables given whole to calls: a callee's exit may say which table their pointer chose.
    for (Node n : fn.cfg().nodes()) {
      List<Arg> args = Event.callArgs(n.event());
      if (args == null) continue;
      for (Arg a : args) {
        String v = wholeVariable(a);
        if (v != null && stable.contains(v)) bit(v);
      }
    }
  }

  /** The live bit of {@code variable}, given one on first need; -1 past the 64th. */
  private int bit(String variable) {
    Integer b = bits.get(variable);
    if (b != null) return b;
    if (bits.size() >= Long.SIZE) return -1;
    bits.put(variable, bits.size());
    return bits.size() - 1;
  }

  /** Whether the body stores into {@code root} followed by any prefix of {@code members} ({@code m->op = ...}). */
  private boolean storedInto(String root, List<String> members) {
    StringBuilder path = new StringBuilder(root);
    for (String m : members) {
      path.append("->").append(m);
      if (fn.storedMembers().contains(path.toString())) return true;
    }
    for (Assignment a : fn.assignments()) {
      AccessPath t = a.target();
      if (!(t.root() instanceof AccessPath.Var w) || !w.name().equals(root)) continue;
      List<String> f = t.fields();
      if (!f.isEmpty() && f.size() <= members.size() && members.subList(0, f.size()).equals(f)) return true;
    }
    return false;
  }

  /** The pointer the indirect call at {@code node} goes through, when a path can remember its table; else null. */
  String pointerAt(int node) {
    return pointers.isEmpty() ? null : pointers.get(node);
  }

  /** The live bit of {@code pointer}'s root ({@code "m->op"}: m's), or -1. */
  int rootBit(String pointer) {
    int arrow = pointer.indexOf("->");
    Integer b = bits.get(arrow < 0 ? pointer : pointer.substring(0, arrow));
    return b == null ? -1 : b;
  }

  /**
   * A callee's choice ({@code "#0->ci_ops"}) in this function's terms, given the call's
   * arguments: {@code "ci->ci_ops"} when argument 0 is {@code ci}, a variable that keeps its value
   * through the body and whose members down that path it never stores into; else null.
   */
  String imported(String calleePointer, List<Arg> args) {
    String v = wholeVariable(argumentOf(calleePointer, args));
    if (v == null || !stable.contains(v) || !bits.containsKey(v)) return null;
    int arrow = calleePointer.indexOf("->");
    if (arrow < 0) return v;
    List<String> members = List.of(calleePointer.substring(arrow + 2).split("->"));
    return storedInto(v, members) ? null : v + calleePointer.substring(arrow);
  }

  /** The variable an argument gives whole ({@code m}, not {@code m->op} nor {@code &m}'s members), or null. */
  private static String wholeVariable(Arg a) {
    AccessPath p = a == null ? null : a.path();
    if (p == null || !p.fields().isEmpty() || p.indexed() || !(p.root() instanceof AccessPath.Var v)) return null;
    return v.name();
  }

  /** The argument a callee's choice ({@code "#1"}, {@code "#0->ci_ops"}) is about, or null. */
  static Arg argumentOf(String calleePointer, List<Arg> args) {
    if (!calleePointer.startsWith("#")) return null;
    int arrow = calleePointer.indexOf("->");
    int index = Integer.parseInt(calleePointer.substring(1, arrow < 0 ? calleePointer.length() : arrow));
    return index < args.size() ? args.get(index) : null;
  }

  /** {@code pointer} as this function's exits tell callers ({@code "#0->ci_ops"}), or null when they do not. */
  String exported(String pointer) {
    int bit = rootBit(pointer);
    if (bit < 0 || (exported & (1L << bit)) == 0) return null;
    return exportedAny(pointer);
  }

  /**
   * {@code pointer} in its callers' terms ({@code "#1"} for {@code ops}), when its root is a
   * parameter: an acquisition tells callers whatever the function does with the pointer.
   */
  String exportedAny(String pointer) {
    int arrow = pointer.indexOf("->");
    Integer param = params.get(arrow < 0 ? pointer : pointer.substring(0, arrow));
    if (param == null || rootBit(pointer) < 0) return null;
    return "#" + param + (arrow < 0 ? "" : pointer.substring(arrow));
  }

  /**
   * By node: bit i set where a choice on a pointer rooted at parameter i may still be read on the
   * way on: a call through such a pointer, a call given the parameter (the callee may have made
   * or may read a choice on it), or the exit when the function calls through it itself.
   */
  long[] live() {
    if (live != null) return live;
    Cfg cfg = fn.cfg();
    int size = cfg.nodes().size();
    long[] out = new long[size];
    for (Node n : cfg.nodes()) {
      String pointer = pointers.get(n.id());
      if (pointer != null) out[n.id()] |= 1L << rootBit(pointer);
      out[n.id()] |= givenWhole(Event.callArgs(n.event()));
    }
    out[Cfg.EXIT] |= exported;
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = size - 1; i >= 0; i--) {
        long v = out[i];
        for (int succ : cfg.node(i).successors()) v |= out[succ];
        if (v != out[i]) {
          out[i] = v;
          changed = true;
        }
      }
    }
    live = out;
    return out;
  }

  /** The bits of the variables among {@code args} given whole (a callee may read or make a choice on them). */
  private long givenWhole(List<Arg> args) {
    if (args == null) return 0;
    long out = 0;
    for (Arg a : args) {
      Integer b = bits.get(wholeVariable(a));
      if (b != null) out |= 1L << b;
    }
    return out;
  }
}
