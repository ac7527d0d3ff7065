package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * What a function's code reaches when some of its parameters have known values (ADR-007 later:
 * copies for constant arguments): {@code __mark_inode_dirty(inode, I_DIRTY_PAGES)} never reaches
 * the {@code ->dirty_inode} call under {@code if (flags & I_DIRTY_INODE)}. The call graph uses it to
 * give such a call a copy of the callee without the calls and acquisitions the values rule out.
 */
final class ConstantPruning {
  private ConstantPruning() {}

  /** A function that assigns more of its bound parameters than this is not looked at. */
  private static final int MAX_ASSIGNED = 8;

  /**
   * The nodes of {@code g} reachable from its entry when the branches on its parameters take the
   * side {@code bound} selects, a parameter counting as unknown on a path once the path assigns
   * it; null when the values rule out nothing that matters: no call with targets ({@code
   * hasTargets}) and no acquisition.
   */
  static BitSet reachable(
      Function g, Map<String, Long> bound, MacroConstants constants, Map<String, Long> enums,
      java.util.function.IntPredicate hasTargets) {
    List<String> assignable = new java.util.ArrayList<>();
    for (String v : ParameterValues.assignedVariables(g)) if (bound.containsKey(v)) assignable.add(v);
    if (assignable.size() > MAX_ASSIGNED) return null;
    Cfg cfg = g.cfg();
    int states = 1 << assignable.size();
    // One bit per (node, which bound parameters the path assigned).
    BitSet seen = new BitSet(cfg.nodes().size() * states);
    ArrayDeque<int[]> work = new ArrayDeque<>();
    seen.set(Cfg.ENTRY * states);
    work.add(new int[] {Cfg.ENTRY, 0});
    while (!work.isEmpty()) {
      int[] at = work.poll();
      Node n = cfg.node(at[0]);
      int assigned = at[1];
      if (n.event() instanceof Event.Assign a) {
        int k = assignable.indexOf(a.variable());
        if (k >= 0) assigned |= 1 << k;
      }
      List<Integer> next = n.successors();
      if (n.condition() != null && next.size() == 2 && !next.get(0).equals(next.get(1))) {
        int unknown = assigned;
        java.util.function.Function<String, Long> values = name -> {
          int k = assignable.indexOf(name);
          if (k >= 0 && (unknown & (1 << k)) != 0) return null;
          return bound.containsKey(name) ? bound.get(name) : constants.value(name, enums);
        };
        Boolean nonzero = ConditionValue.nonzero(n.condition().expression(), values);
        if (nonzero != null) next = List.of(next.get(nonzero == n.condition().trueWhenNonzero() ? 0 : 1));
      }
      for (int s : next) {
        int bit = s * states + assigned;
        if (!seen.get(bit)) {
          seen.set(bit);
          work.add(new int[] {s, assigned});
        }
      }
    }
    BitSet reached = new BitSet(cfg.nodes().size());
    for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) reached.set(i / states);
    for (Node n : cfg.nodes()) {
      if (reached.get(n.id())) continue;
      if (n.event() instanceof Event.Acquire || hasTargets.test(n.id())) return reached;
    }
    return null;
  }
}
