package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abstract state at one program point along one path: the locks held (in acquisition order),
 * the caller's locks this function has released, and the context scopes open (page faults,
 * reclaim, interrupts disabled).
 * Immutable; {@link #identity()} is what distinguishes states at a join.
 */
record LockState(
    List<HeldLock> held,
    Set<LockKey> released,
    Scopes scopes,
    ResultTag result,
    ReturnKind returning) {

  static final LockState EMPTY = new LockState(List.of(), Set.of(), Scopes.NONE, null, ReturnKind.UNKNOWN);

  /** The return kind of the call at {@code callNode}, for the branch that tests it. */
  record ResultTag(int callNode, ReturnKind kind) {}

  LockState {
    held = List.copyOf(held);
    released = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(released));
  }

  LockState withResult(ResultTag tag) {
    return new LockState(held, released, scopes, tag, returning);
  }

  LockState returning(ReturnKind kind) {
    return new LockState(held, released, scopes, result, kind);
  }

  /** Two states with equal identity behave alike from here on; the witnesses may differ. */
  String identity() {
    StringBuilder sb = new StringBuilder();
    for (HeldLock h : held) sb.append(h.key()).append(':').append(h.mode().letter()).append(h.fromEntry() ? "e" : "").append(',');
    sb.append('|');
    if (!released.isEmpty()) {
      Set<String> rel = new TreeSet<>();
      for (LockKey k : released) rel.add(k.toString());
      sb.append(rel);
    }
    sb.append('|').append(scopes.identity()).append('|');
    if (result != null) sb.append(result.callNode()).append(':').append(result.kind());
    sb.append('|').append(returning);
    return sb.toString();
  }

  boolean holds(LockKey key) {
    for (HeldLock h : held) if (h.key().equals(key)) return true;
    return false;
  }

  /** Pushes a lock unless the same key in the same mode is already held (keeps states finite). */
  LockState push(HeldLock lock) {
    for (HeldLock h : held) if (h.key().equals(lock.key()) && h.mode() == lock.mode()) return this;
    List<HeldLock> more = new ArrayList<>(held);
    more.add(lock);
    return new LockState(more, released, scopes, result, returning);
  }

  /**
   * Drops the most recent lock matching {@code key} (an exact match first, then one that differs
   * only in subclass). A lock not held here was the caller's: remember it as released.
   */
  LockState release(LockKey key) {
    int at = -1;
    for (int i = held.size() - 1; i >= 0 && at < 0; i--) if (held.get(i).key().equals(key)) at = i;
    for (int i = held.size() - 1; i >= 0 && at < 0; i--) if (held.get(i).key().base().equals(key.base())) at = i;
    if (at < 0) {
      Set<LockKey> rel = new java.util.LinkedHashSet<>(released);
      rel.add(key);
      return new LockState(held, rel, scopes, result, returning);
    }
    List<HeldLock> fewer = new ArrayList<>(held);
    HeldLock dropped = fewer.remove(at);
    if (!dropped.fromEntry()) return new LockState(fewer, released, scopes, result, returning);
    Set<LockKey> rel = new java.util.LinkedHashSet<>(released);
    rel.add(dropped.key());
    return new LockState(fewer, rel, scopes, result, returning);
  }

  LockState withScopes(Scopes next) {
    return next.equals(scopes) ? this : new LockState(held, released, next, result, returning);
  }
}
