package org.lockorder.sim;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.analysis.LockClass;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;

/**
 * The walking thread's state at one CFG node: the locks it holds, the scopes it is in (pagefault
 * disabled, nofs, interrupts off), a trylock whose success a branch will decide, and what the last
 * tested call returned. Immutable; {@link #identity()} is what two paths must share to be merged.
 */
final class WalkState {
  private final List<LockOp.Held> held;
  private final int faultsOff;
  private final int reclaimOff;
  private final int hardOff;
  private final int softOff;
  private final Pending pending;
  private final int resultNode;
  private final Boolean resultNonzero;
  private final Boolean returning;
  /** {@code held}'s hash, made once per list: most new states keep their predecessor's. */
  private final int heldHash;
  /** Made on first need, then kept: a state's identity is asked for several times per step. */
  private Identity identity;

  static final WalkState START = new WalkState(List.of(), 0, 0, 0, 0, null, -1, null, null);

  /** A conditional acquisition at {@code node} that holds only on its success edge. */
  record Pending(int node, LockOp.Held lock, AcquireStyle style, String api, String function, Location at, int stepIndex) {}

  WalkState(
      List<LockOp.Held> held, int faultsOff, int reclaimOff, int hardOff, int softOff, Pending pending,
      int resultNode, Boolean resultNonzero, Boolean returning) {
    this(List.copyOf(held), -1, false, faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  /** With {@code held} already immutable, and its hash when {@code hashed}. */
  private WalkState(
      List<LockOp.Held> held, int heldHash, boolean hashed, int faultsOff, int reclaimOff, int hardOff, int softOff,
      Pending pending, int resultNode, Boolean resultNonzero, Boolean returning) {
    this.held = held;
    this.heldHash = hashed ? heldHash : held.hashCode();
    this.faultsOff = faultsOff;
    this.reclaimOff = reclaimOff;
    this.hardOff = hardOff;
    this.softOff = softOff;
    this.pending = pending;
    this.resultNode = resultNode;
    this.resultNonzero = resultNonzero;
    this.returning = returning;
  }

  /** This state's locks with other scopes, pending trylock, result or return kind. */
  private WalkState with(
      int faultsOff, int reclaimOff, int hardOff, int softOff, Pending pending, int resultNode, Boolean resultNonzero,
      Boolean returning) {
    return new WalkState(held, heldHash, true, faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  List<LockOp.Held> held() {
    return held;
  }

  int faultsOff() {
    return faultsOff;
  }

  int reclaimOff() {
    return reclaimOff;
  }

  int hardOff() {
    return hardOff;
  }

  int softOff() {
    return softOff;
  }

  Pending pending() {
    return pending;
  }

  int resultNode() {
    return resultNode;
  }

  Boolean resultNonzero() {
    return resultNonzero;
  }

  Boolean returning() {
    return returning;
  }

  /**
   * What two paths must share to be merged: the held locks (class, expression, mode, role) in
   * order, the scope depths, the pending trylock's node and lock, the tested result and the return
   * kind. A value object, compared field by field (this is the walk's hottest lookup).
   */
  Object identity() {
    Identity known = identity;
    if (known == null) {
      known = new Identity(held, heldHash, faultsOff, reclaimOff, hardOff, softOff,
          pending == null ? -1 : pending.node(), pending == null ? null : pending.lock(),
          resultNode, resultNode >= 0 ? resultNonzero : null, returning);
      identity = known;
    }
    return known;
  }

  /**
   * Its hash is made once: every identity goes into a walk's set of seen states, and most are
   * compared with others of the same hash there.
   */
  private static final class Identity {
    private final List<LockOp.Held> held;
    private final int faultsOff;
    private final int reclaimOff;
    private final int hardOff;
    private final int softOff;
    private final int pendingNode;
    private final LockOp.Held pendingLock;
    private final int resultNode;
    private final Boolean resultNonzero;
    private final Boolean returning;
    private final int hash;

    Identity(
        List<LockOp.Held> held, int heldHash, int faultsOff, int reclaimOff, int hardOff, int softOff, int pendingNode,
        LockOp.Held pendingLock, int resultNode, Boolean resultNonzero, Boolean returning) {
      this.held = held;
      this.faultsOff = faultsOff;
      this.reclaimOff = reclaimOff;
      this.hardOff = hardOff;
      this.softOff = softOff;
      this.pendingNode = pendingNode;
      this.pendingLock = pendingLock;
      this.resultNode = resultNode;
      this.resultNonzero = resultNonzero;
      this.returning = returning;
      int h = heldHash;
      h = 31 * h + faultsOff;
      h = 31 * h + reclaimOff;
      h = 31 * h + hardOff;
      h = 31 * h + softOff;
      h = 31 * h + pendingNode;
      h = 31 * h + java.util.Objects.hashCode(pendingLock);
      h = 31 * h + resultNode;
      h = 31 * h + java.util.Objects.hashCode(resultNonzero);
      h = 31 * h + java.util.Objects.hashCode(returning);
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.hash == hash && i.faultsOff == faultsOff && i.reclaimOff == reclaimOff
          && i.hardOff == hardOff && i.softOff == softOff && i.pendingNode == pendingNode && i.resultNode == resultNode
          && java.util.Objects.equals(i.resultNonzero, resultNonzero) && java.util.Objects.equals(i.returning, returning)
          && java.util.Objects.equals(i.pendingLock, pendingLock) && i.held.equals(held);
    }
  }

  WalkState push(LockOp.Held h) {
    List<LockOp.Held> next = new ArrayList<>(held);
    next.add(h);
    return new WalkState(next, faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  WalkState replace(int index, LockOp.Held h) {
    List<LockOp.Held> next = new ArrayList<>(held);
    next.set(index, h);
    return new WalkState(next, faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  WalkState remove(int index) {
    List<LockOp.Held> next = new ArrayList<>(held);
    next.remove(index);
    return new WalkState(next, faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  /** The index of the held lock a release of {@code cls} written {@code text} drops: same text first, newest first. */
  int find(LockClass cls, String text) {
    int i = findByText(cls, text);
    // As the analysis releases (LockState.unlock): the class itself before another subclass of
    // it ('spin_unlock(old_ptl)' drops the page-table lock, not the nested one taken after it).
    return i >= 0 ? i : findByClass(cls);
  }

  /** The latest held lock of {@code cls}'s class (any subclass) written as {@code text}, or -1. */
  int findByText(LockClass cls, String text) {
    for (int i = held.size() - 1; i >= 0; i--) {
      LockOp.Held h = held.get(i);
      if (h.lockClass().base().equals(cls.base()) && h.text().equals(text)) return i;
    }
    return -1;
  }

  /**
   * The index of the held lock a release of {@code cls} drops in the analysis ({@code
   * LockState.release}): the class itself first, then another subclass of it, newest first,
   * whatever the text.
   */
  int findByClass(LockClass cls) {
    for (int i = held.size() - 1; i >= 0; i--) if (held.get(i).lockClass().equals(cls)) return i;
    for (int i = held.size() - 1; i >= 0; i--) if (held.get(i).lockClass().base().equals(cls.base())) return i;
    return -1;
  }

  /** The latest held lock of one of {@code classes} (any subclass), or -1. */
  int findLatest(java.util.List<LockClass> classes) {
    for (int i = held.size() - 1; i >= 0; i--) {
      for (LockClass c : classes) if (held.get(i).lockClass().base().equals(c.base())) return i;
    }
    return -1;
  }

  boolean holdsRole(Route.Role role) {
    for (LockOp.Held h : held) if (h.role() == role) return true;
    return false;
  }

  WalkState faults(int delta) {
    return with(Math.max(0, faultsOff + delta), reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  WalkState reclaim(int delta) {
    return with(faultsOff, Math.max(0, reclaimOff + delta), hardOff, softOff, pending, resultNode, resultNonzero, returning);
  }

  WalkState irqs(IrqLevel level, int delta) {
    if (level == IrqLevel.HARDIRQ) {
      return with(faultsOff, reclaimOff, Math.max(0, hardOff + delta), softOff, pending, resultNode, resultNonzero, returning);
    }
    return with(faultsOff, reclaimOff, hardOff, Math.max(0, softOff + delta), pending, resultNode, resultNonzero, returning);
  }

  /** Whether interrupts of {@code level} can arrive: disabling hard interrupts also holds off softirqs. */
  boolean irqsOn(IrqLevel level) {
    return level == IrqLevel.HARDIRQ ? hardOff == 0 : hardOff == 0 && softOff == 0;
  }

  WalkState withPending(Pending p) {
    return with(faultsOff, reclaimOff, hardOff, softOff, p, resultNode, resultNonzero, returning);
  }

  WalkState withResult(int node, Boolean nonzero) {
    return with(faultsOff, reclaimOff, hardOff, softOff, pending, node, nonzero, returning);
  }

  WalkState withReturning(Boolean nonzero) {
    return with(faultsOff, reclaimOff, hardOff, softOff, pending, resultNode, resultNonzero, nonzero);
  }
}
