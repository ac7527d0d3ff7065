package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * What one function analysis knows about its parameters' values (ADR-007), and where that stops:
 * the values bound by a call that passed constants ({@link ConstantArguments}), and the
 * variables the body assigns ({@link Event.Assign}: parameters, and locals that branches test),
 * after which a test of one no longer tests what the caller passed or what it held before, and
 * earlier decisions on it say nothing about later tests. Besides exact values it knows, of some
 * variables, the only bits they can have: a parameter bound to a caller's flag local, and the
 * function's own flag locals ({@link Function#bitFlags}). One per {@link FunctionAnalyzer}.
 */
final class ParameterValues {
  /** By parameter name: its value, for a specialised analysis; empty for the general one. */
  private final Map<String, Long> bound;
  /**
   * By parameter name: the only bits its value can have, for a specialised analysis whose caller
   * passed a flag local ({@link ConstantArguments}); empty for the general one.
   */
  private final Map<String, Long> boundMasks;
  /** By flag local of the function ({@link Function#bitFlags}): the only bits it can have. */
  private final Map<String, Long> localMasks;
  /** The headers' macro constants: {@code FGP_LOCK} in {@code fgp_flags & FGP_LOCK}. */
  private final MacroConstants constants;
  /** By assigned variable: the bits of the correlated conditions that read it. */
  private final Map<String, Long> readingBits = new HashMap<>();
  /** By bound parameter the body assigns: the condition bit that says a path assigned it. */
  private final Map<String, Integer> assignedBits = new HashMap<>();
  /** The function's condition bits by expression (shared with the {@link FunctionAnalyzer}). */
  private final Map<String, Integer> bits;
  /** The enum constants of the function's file: {@code mode = M_PARTIAL} in 6.1 deactivate_slab. */
  private final Map<String, Long> enums;

  /**
   * @param bits the function's correlated conditions by expression ({@link FunctionAnalyzer});
   *     gets a bit per bound parameter the body assigns, keyed {@code "=name"}
   */
  ParameterValues(
      Function fn, Map<String, Long> bound, Map<String, Long> boundMasks, Map<String, Integer> bits, MacroConstants constants,
      Map<String, Long> enums) {
    this.bound = bound;
    this.boundMasks = boundMasks;
    this.constants = constants;
    this.bits = bits;
    this.enums = enums;
    this.localMasks = flagMasks(fn, constants, enums);
    Set<String> assigned = assignedVariables(fn);
    if (assigned.isEmpty()) return;
    for (String v : assigned) {
      if ((bound.containsKey(v) || boundMasks.containsKey(v)) && bits.size() < Long.SIZE) {
        int bit = bits.size();
        bits.put("=" + v, bit);
        assignedBits.put(v, bit);
      }
    }
    for (Map.Entry<String, Integer> e : bits.entrySet()) {
      if (e.getKey().startsWith("=")) continue;
      for (String token : e.getKey().split(" ")) {
        if (assigned.contains(token)) readingBits.merge(token, 1L << e.getValue(), (a, b) -> a | b);
      }
    }
  }

  /**
   * By flag local of {@code fn}: the union of the constants it is assigned or or-ed with, which
   * every value it holds stays within; a local with a constant this cannot evaluate is left out.
   */
  static Map<String, Long> flagMasks(Function fn, MacroConstants constants, Map<String, Long> enums) {
    if (fn.bitFlags().isEmpty()) return Map.of();
    Map<String, Long> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : fn.bitFlags().entrySet()) {
      long mask = 0;
      for (String text : e.getValue()) {
        Long v = ConditionValue.value(List.of(text.split(" ")), name -> constants.value(name, enums));
        if (v == null) {
          mask = -1L;
          break;
        }
        mask |= v;
      }
      if (mask != -1L) out.put(e.getKey(), mask);
    }
    return out;
  }

  /** The variables with {@link Event.Assign} nodes (parameters and locals), in name order. */
  static Set<String> assignedVariables(Function fn) {
    Set<String> out = new TreeSet<>();
    for (Node n : fn.cfg().nodes()) if (n.event() instanceof Event.Assign a) out.add(a.variable());
    return out;
  }

  /**
   * Per node, the bits a later node reads besides its own condition's: a branch on a condition
   * that reads an assigned bound parameter, or a call that passes one on, reads the bit that says
   * whether the path assigned it.
   */
  long readsAt(Node n) {
    if (assignedBits.isEmpty()) return 0;
    long out = 0;
    if (n.condition() != null) {
      for (String token : n.condition().expression().split(" ")) {
        Integer bit = assignedBits.get(token);
        if (bit != null) out |= 1L << bit;
      }
    }
    List<Arg> args = java.util.Objects.requireNonNullElse(Event.callArgs(n.event()), List.of());
    for (Arg a : args) {
      Integer bit = assignedBits.get(a.text());
      if (bit != null) out |= 1L << bit;
    }
    return out;
  }

  /** The bits of the correlated conditions that an assignment at {@code n} makes forget (none if it assigns nothing). */
  long forgetsAt(Node n) {
    if (!(n.event() instanceof Event.Assign a)) return 0;
    Long reading = readingBits.get(a.variable());
    return reading == null ? 0 : reading;
  }

  /**
   * The state after the assignment: the decisions on the variable's old value forgotten, the
   * assignment noted; and when it assigns a constant ({@code mapping = NULL}, {@code ret =
   * -EIOCBQUEUED}), the conditions on the variable that the constant settles decided (ADR-004
   * later: constants decide), so that a later {@code if (mapping)} or {@code return ret} follows.
   */
  LockState afterAssign(Event.Assign a, LockState s) {
    Long reading = readingBits.get(a.variable());
    if (reading != null) s = s.keepingDecided(~reading);
    Long value = a.constant() == null || reading == null ? null : constants.valueOf(a.constant(), enums);
    if (value != null) {
      for (Map.Entry<String, Integer> e : bits.entrySet()) {
        if ((reading & (1L << e.getValue())) == 0 || e.getKey().startsWith("=")) continue;
        Boolean nonzero = ConditionValue.nonzero(e.getKey(), name -> name.equals(a.variable()) ? value : constants.value(name, enums));
        if (nonzero != null) s = s.deciding(e.getValue(), nonzero);
      }
    }
    Integer bit = assignedBits.get(a.variable());
    return bit == null ? s : s.deciding(bit, true);
  }

  /** Whether this is a specialised analysis with exact values for some parameters. */
  boolean bindsAny() {
    return !bound.isEmpty();
  }

  /** The values still bound on the path of {@code s}: without the parameters it assigned. */
  Map<String, Long> boundAt(LockState s) {
    if (assignedBits.isEmpty()) return bound;
    Map<String, Long> out = null;
    for (Map.Entry<String, Integer> e : assignedBits.entrySet()) {
      if (s.decided(e.getValue()) == null) continue;
      if (out == null) out = new HashMap<>(bound);
      out.remove(e.getKey());
    }
    return out == null ? bound : out;
  }

  /**
   * The bits that variables can only have on the path of {@code s}: the function's flag locals,
   * and the parameters bound to a mask that the path did not assign. A call that passes one of
   * them gets the callee specialised for it ({@link ConstantArguments}).
   */
  Map<String, Long> masksAt(LockState s) {
    if (boundMasks.isEmpty()) return localMasks;
    Map<String, Long> out = new HashMap<>(localMasks);
    for (Map.Entry<String, Long> e : boundMasks.entrySet()) {
      Integer bit = assignedBits.get(e.getKey());
      if (bit == null || s.decided(bit) == null) out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * Of the outcomes of branch {@code n} taken from {@code s}, those on the side the bound values
   * select ({@code if (fgp_flags & FGP_LOCK)} with {@code fgp_flags} 0); all of them when the
   * values decide nothing.
   */
  List<FunctionAnalyzer.Out> selectSide(Node n, LockState s, List<FunctionAnalyzer.Out> outs) {
    if (bound.isEmpty() && boundMasks.isEmpty() && localMasks.isEmpty() || n.condition() == null
        || n.successors().size() != 2 || n.successors().get(0).equals(n.successors().get(1))) {
      return outs;
    }
    Map<String, Long> values = boundAt(s);
    Map<String, Long> masks = masksAt(s);
    Boolean nonzero = ConditionValue.nonzero(n.condition().expression(),
        name -> values.containsKey(name) ? values.get(name) : constants.value(name, enums), masks::get);
    if (nonzero == null) return outs;
    int taken = n.successors().get(nonzero == n.condition().trueWhenNonzero() ? 0 : 1);
    List<FunctionAnalyzer.Out> kept = new ArrayList<>(outs.size());
    for (FunctionAnalyzer.Out o : outs) if (o.node() == taken) kept.add(o);
    return kept;
  }
}
