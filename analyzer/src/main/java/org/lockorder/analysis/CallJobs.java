package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lockorder.ir.Arg;

/**
 * Which jobs of a call, made in one held-lock state, no earlier call of the same function
 * analysis has done (see {@link FunctionAnalyzer.Transfer}). A function is walked with up to 64
 * states per point, and most of them agree on what a call does with the callee's locks: the edges
 * from the held locks depend on the held locks but not on the caller's locks released before, the
 * acquisitions the summary gains depend on those released locks but not on the held ones.
 *
 * <p>The callee in each key is the summary the call uses: the target function for its general
 * summary, or the summary specialised for the values the call passes ({@link ConstantArguments}).
 * One call node may use both in one analysis: {@code if (x) flags |= 2; take(flags);} with {@code
 * flags} bound to 0 calls the specialisation on one path and the general summary on the other.
 *
 * <p>Every key also holds the state's ops-table choices ({@link OpsChoice}): which of a callee's
 * acquisitions a call reaches depends on them.
 */
final class CallJobs {
  private final LockClassResolver resolver;
  private final Set<OrderKey> orderKeys = new HashSet<>();
  private final Set<HeldOrderKey> heldOrderKeys = new HashSet<>();
  private final Set<SummaryKey> summaryKeys = new HashSet<>();

  CallJobs(LockClassResolver resolver) {
    this.resolver = resolver;
  }

  /** Whether this call, in {@code s}, records edges and pending edges no earlier call did ({@link OrderKey}). */
  boolean orders(Object target, List<Arg> args, LockState s) {
    return orderKeys.add(new OrderKey(target, args, s));
  }

  /** Whether this call, in {@code s}, adds the callee's acquisitions to the summary as no earlier call did ({@link SummaryKey}). */
  boolean extendsSummary(Object target, List<Arg> args, LockState s) {
    return summaryKeys.add(new SummaryKey(target, args, s));
  }

  /**
   * The held locks of {@code s} whose edges to the callee's acquisitions no earlier transfer of
   * this analysis records: states at calls of one callee mostly share held locks ({a}, {a, b},
   * {a, c}), and each held lock's edges are recorded once.
   */
  List<HeldLock> freshlyOrdering(Object target, List<Arg> args, LockState s) {
    List<HeldLock> held = s.held();
    if (held.isEmpty()) return held;
    List<HeldLock> single = s.singleInstanceHeld(resolver);
    List<HeldLock> fresh = null;
    for (int i = 0; i < held.size(); i++) {
      HeldLock h = held.get(i);
      if (heldOrderKeys.add(new HeldOrderKey(target, args, s.scopes(), h, gateCandidates(single, h), s.choices()))) {
        if (fresh != null) fresh.add(h);
      } else if (fresh == null) {
        fresh = new ArrayList<>(held.subList(0, i));
      }
    }
    return fresh == null ? held : fresh;
  }

  /** The keys of the single-instance locks held besides {@code h}, in order. */
  private static List<LockKey> gateCandidates(List<HeldLock> single, HeldLock h) {
    if (single.isEmpty() || single.size() == 1 && single.get(0) == h) return List.of();
    List<LockKey> keys = new ArrayList<>(single.size());
    for (HeldLock g : single) if (g != h) keys.add(g.key());
    return keys;
  }

  /**
   * What the edges from one held lock to a callee's acquisitions depend on: the callee, the
   * arguments, the scopes, the lock's key, mode, origin and witness length, and the other
   * single-instance locks held, which may gate them ({@code FunctionAnalyzer.gates}). Two states
   * equal in these record the same edges from it, with witnesses as short, through any call of
   * the callee.
   */
  private record HeldOrderKey(
      Object target, List<Arg> args, Scopes scopes, HeldLock held, List<LockKey> gateCandidates, List<OpsChoice> choices) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof HeldOrderKey k) || k.target != target) return false;
      HeldLock x = held;
      HeldLock y = k.held;
      return (x == y || x.mode() == y.mode() && x.fromEntry() == y.fromEntry() && x.key().equals(y.key())
              && x.site().calls().size() == y.site().calls().size())
          && scopes.equals(k.scopes) && gateCandidates.equals(k.gateCandidates) && args.equals(k.args)
          && choices.equals(k.choices);
    }

    @Override
    public int hashCode() {
      int h = System.identityHashCode(target);
      h = (h * 31 + held.key().hashCode()) * 31 + held.mode().ordinal();
      return ((h * 31 + scopes.hashCode()) * 31 + gateCandidates.hashCode()) * 31 + args.hashCode();
    }
  }

  /**
   * What the edges a transfer records depend on: the callee, the arguments, the scopes and the
   * held locks' keys, modes, origin and witness lengths in order. Their sites are not part of it: a
   * later state at another call of the same callee, holding the same locks taken elsewhere by
   * paths as long, records the same edges with witnesses as short, and the first of equally short
   * witnesses is kept anyway. Nor are the released locks: they only decide what the acquisitions
   * tell this function's callers.
   */
  private record OrderKey(Object target, List<Arg> args, LockState state) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof OrderKey k) || k.target != target || !k.state.scopes().equals(state.scopes())) return false;
      List<HeldLock> a = state.held();
      List<HeldLock> b = k.state.held();
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) {
        HeldLock x = a.get(i);
        HeldLock y = b.get(i);
        if (x != y && (x.mode() != y.mode() || x.fromEntry() != y.fromEntry() || !x.key().equals(y.key())
            || x.site().calls().size() != y.site().calls().size())) {
          return false;
        }
      }
      return args.equals(k.args) && state.choices().equals(k.state.choices());
    }

    @Override
    public int hashCode() {
      int h = System.identityHashCode(target);
      List<HeldLock> held = state.held();
      for (int i = 0, n = held.size(); i < n; i++) h = (h * 31 + held.get(i).key().hashCode()) * 31 + held.get(i).mode().ordinal();
      return (h * 31 + state.scopes().hashCode()) * 31 + args.hashCode();
    }
  }

  /**
   * What the acquisitions a transfer adds to this summary depend on: the callee, the arguments,
   * the scopes and the caller's locks released before the call (not the held locks).
   */
  private record SummaryKey(Object target, List<Arg> args, LockState state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SummaryKey k && k.target == target && k.state.scopes().equals(state.scopes())
          && k.state.released().equals(state.released()) && args.equals(k.args)
          && k.state.choices().equals(state.choices());
    }

    @Override
    public int hashCode() {
      int h = System.identityHashCode(target);
      return ((h * 31 + state.released().hashCode()) * 31 + state.scopes().hashCode()) * 31 + args.hashCode();
    }
  }

}
