package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The abstract state at one program point along one path: the locks held (in acquisition order),
 * the caller's locks this function has released, and the context scopes open (page faults,
 * reclaim, interrupts disabled).
 * Immutable; {@link #identity()} is what distinguishes states at a join.
 */
final class LockState {
  private final List<HeldLock> held;
  private final Set<LockKey> released;
  private final Scopes scopes;
  private final ResultTag result;
  private final ReturnKind returning;
  /**
   * Conditions of the function's branches already decided on this path (bit i: condition i of
   * the function's {@code FunctionAnalyzer}), and which of them were non-zero: a later branch on
   * the same condition takes the same side.
   */
  private final long decided;
  private final long decidedNonzero;
  /**
   * Keys of {@link #released} released a second time while not held: a callee that unlocks two
   * of its caller's locks of one class ({@code spin_unlock(&parent->d_lock); spin_unlock(&dentry->d_lock);}
   * in 6.1's {@code __dentry_kill}) releases two there. Counted up to two, so loops stay finite.
   */
  private final Set<LockKey> releasedTwice;
  /**
   * The non-zero constant this path returns, as written ({@code -EAGAIN}), set with {@link
   * #returning}; null for any other value. A caller's {@code error == -EAGAIN} tells this exit
   * apart from the others ({@link Summary.ExitEffect#returnedConstant}).
   */
  private final String returnedConstant;
  /**
   * What calls through ops pointers said about those pointers on this path, sorted by pointer;
   * null for none ({@link OpsChoice}). Kept only while something later reads the pointer
   * ({@link DispatchPointers#live}).
   */
  private final List<OpsChoice> choices;
  /** Computed on first use: a state flows unchanged through most nodes. */
  private Identity identity;
  /** Computed on first use, by {@link #heldClasses}. */
  private Set<LockClass> heldClasses;
  /** Computed on first use, by {@link #singleInstanceHeld}. */
  private List<HeldLock> singleInstanceHeld;

  static final LockState EMPTY = new LockState(List.of(), KeySet.EMPTY, Scopes.NONE, null, ReturnKind.UNKNOWN);

  /**
   * The return kind of the call at {@code callNode}, for the branch that tests it, and the
   * constant it returned when its exit knows one ({@link Summary.ExitEffect#returnedConstant}).
   */
  record ResultTag(int callNode, ReturnKind kind, String constant) {}

  LockState(List<HeldLock> held, Set<LockKey> released, Scopes scopes, ResultTag result, ReturnKind returning) {
    this(List.copyOf(held), KeySet.of(released), scopes, result, returning, 0L, 0L, KeySet.EMPTY, null, null);
  }

  /** {@code held} and {@code released} already immutable and owned by this state. */
  private LockState(
      List<HeldLock> held, Set<LockKey> released, Scopes scopes, ResultTag result, ReturnKind returning,
      long decided, long decidedNonzero, Set<LockKey> releasedTwice, String returnedConstant, List<OpsChoice> choices) {
    this.held = held;
    this.choices = choices;
    this.returnedConstant = returnedConstant;
    this.releasedTwice = releasedTwice;
    this.released = released;
    this.scopes = scopes;
    this.result = result;
    this.returning = returning;
    this.decided = decided;
    this.decidedNonzero = decidedNonzero;
  }

  /** Whether condition {@code bit} was decided on this path, and how: null, TRUE (non-zero), FALSE. */
  Boolean decided(int bit) {
    long m = 1L << bit;
    return (decided & m) == 0 ? null : (decidedNonzero & m) != 0;
  }

  /** This state with condition {@code bit} decided. */
  LockState deciding(int bit, boolean nonzero) {
    long m = 1L << bit;
    return new LockState(held, released, scopes, result, returning, decided | m, nonzero ? decidedNonzero | m : decidedNonzero & ~m, releasedTwice, returnedConstant, choices);
  }

  /** This state forgetting the decided conditions outside {@code live} (none is tested again from here). */
  LockState keepingDecided(long live) {
    if ((decided & ~live) == 0) return this;
    return new LockState(held, released, scopes, result, returning, decided & live, decidedNonzero & live, releasedTwice, returnedConstant, choices);
  }

  /** What this path knows of the tables {@code pointer} points at; null for any table. */
  TableSet choice(String pointer) {
    if (choices == null) return null;
    for (OpsChoice c : choices) if (c.pointer().equals(pointer)) return c.tables();
    return null;
  }

  /** The choices, sorted by pointer; empty for none. */
  List<OpsChoice> choices() {
    return choices == null ? List.of() : choices;
  }

  /** This state knowing that {@code pointer} points at one of {@code tables} (null: any table). */
  LockState choosing(String pointer, TableSet tables) {
    if (Objects.equals(choice(pointer), tables)) return this;
    List<OpsChoice> next = new ArrayList<>(choices());
    next.removeIf(c -> c.pointer().equals(pointer));
    if (tables != null) next.add(new OpsChoice(pointer, tables));
    next.sort(null);
    List<OpsChoice> kept = next.isEmpty() ? null : List.copyOf(next);
    return new LockState(held, released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, kept);
  }

  /** This state forgetting the choices on pointers whose root variable {@code live} does not name. */
  LockState keepingChoices(long live, java.util.function.ToIntFunction<String> rootBit) {
    if (choices == null) return this;
    List<OpsChoice> kept = null;
    for (int i = 0; i < choices.size(); i++) {
      int bit = rootBit.applyAsInt(choices.get(i).pointer());
      boolean keep = bit >= 0 && (live & (1L << bit)) != 0;
      if (keep && kept != null) kept.add(choices.get(i));
      if (!keep && kept == null) kept = new ArrayList<>(choices.subList(0, i));
    }
    if (kept == null) return this;
    List<OpsChoice> left = kept.isEmpty() ? null : List.copyOf(kept);
    return new LockState(held, released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, left);
  }

  List<HeldLock> held() {
    return held;
  }

  Set<LockKey> released() {
    return released;
  }

  /** See {@link #releasedTwice}: each of these was released twice. */
  Set<LockKey> releasedTwice() {
    return releasedTwice;
  }

  Scopes scopes() {
    return scopes;
  }

  ResultTag result() {
    return result;
  }

  ReturnKind returning() {
    return returning;
  }

  LockState withResult(ResultTag tag) {
    return Objects.equals(tag, result) ? this : new LockState(held, released, scopes, tag, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  LockState returning(ReturnKind kind) {
    return returning(kind, null);
  }

  /** This state returning {@code kind}, and the non-zero constant {@code constant} when it is one (else null). */
  LockState returning(ReturnKind kind, String constant) {
    if (kind == returning && Objects.equals(constant, returnedConstant)) return this;
    return new LockState(held, released, scopes, result, kind, decided, decidedNonzero, releasedTwice, constant, choices);
  }

  String returnedConstant() {
    return returnedConstant;
  }

  /**
   * Two states with equal identity behave alike from here on; the witnesses may differ. The
   * identity compares the held locks' keys, modes and origin in order, the released keys as a set,
   * which scopes are open (not their depth), the tested call result, the return kind and the
   * decided branch conditions and the ops tables chosen ({@link #choices}); and which held locks'
   * variables were assigned since ({@link HeldLock#detached}). Not what each lock was taken
   * through ({@link HeldLock#through}): states that differ only there are one, the first to
   * arrive (deterministic): telling them apart gave functions that take one class through a
   * parameter and through a local other states, and other results under their bounds (Linux 6.1:
   * 40 edge pairs from ceph's {@code handle_cap_export}).
   */
  Object identity() {
    Identity id = identity;
    if (id == null) identity = id = new Identity(this);
    return id;
  }

  /** The value of {@link #identity()}; its hash is computed once. */
  private static final class Identity {
    private final LockState s;
    private final int hash;

    Identity(LockState s) {
      this.s = s;
      int h = 1;
      List<HeldLock> held = s.held;
      for (int i = 0, n = held.size(); i < n; i++) {
        HeldLock l = held.get(i);
        h = (h * 31 + l.key().hashCode()) * 31 + l.mode().ordinal() * 2 + (l.fromEntry() ? 1 : 0);
        if (!l.fileSystems().isAny()) h = h * 31 + l.fileSystems().hashCode();
        if (l.detached() != 0) h = h * 31 + Long.hashCode(l.detached());
      }
      h = h * 31 + s.released.hashCode() + 17 * s.releasedTwice.hashCode();
      h = h * 31 + s.scopes.openBits();
      // Not the tag's own hash: a record's hash of its enum component is an identity hash.
      h = h * 31 + (s.result == null ? 0 : s.result.callNode() * 8 + s.result.kind().ordinal() + 1);
      h = h * 31 + s.returning.ordinal();
      if (s.returnedConstant != null) h = h * 31 + s.returnedConstant.hashCode();
      if (s.result != null && s.result.constant() != null) h = h * 31 + s.result.constant().hashCode();
      h = h * 31 + Long.hashCode(s.decided) * 7 + Long.hashCode(s.decidedNonzero);
      if (s.choices != null) h = h * 31 + s.choices.hashCode();
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) return true;
      if (!(o instanceof Identity other) || other.hash != hash) return false;
      LockState a = s;
      LockState b = other.s;
      if (a == b) return true;
      if (a.held.size() != b.held.size() || a.returning != b.returning || !Objects.equals(a.returnedConstant, b.returnedConstant)
          || a.scopes.openBits() != b.scopes.openBits()
          || !Objects.equals(a.result, b.result) || a.decided != b.decided || a.decidedNonzero != b.decidedNonzero
          || !Objects.equals(a.choices, b.choices)) {
        return false;
      }
      for (int i = 0; i < a.held.size(); i++) {
        HeldLock x = a.held.get(i);
        HeldLock y = b.held.get(i);
        if (x != y && (x.mode() != y.mode() || x.fromEntry() != y.fromEntry() || !x.key().equals(y.key())
            || !x.fileSystems().equals(y.fileSystems()) || x.detached() != y.detached())) {
          return false;
        }
      }
      return a.released.equals(b.released) && a.releasedTwice.equals(b.releasedTwice);
    }
  }

  /** The classes of the held locks, sorted; computed once, never to be modified. */
  Set<LockClass> heldClasses() {
    Set<LockClass> out = heldClasses;
    if (out == null) {
      java.util.TreeSet<LockClass> found = new java.util.TreeSet<>();
      for (HeldLock h : held) if (h.key() instanceof LockKey.OfClass c) found.add(c.lockClass());
      heldClasses = out = Collections.unmodifiableSortedSet(found);
    }
    return out;
  }

  /** Held locks whose class is a single instance (see {@link LockClassResolver#isSingleInstance}), in order. */
  List<HeldLock> singleInstanceHeld(LockClassResolver resolver) {
    List<HeldLock> out = singleInstanceHeld;
    if (out == null) {
      List<HeldLock> found = new ArrayList<>(0);
      for (HeldLock h : held) {
        if (h.key() instanceof LockKey.OfClass c && resolver.isSingleInstance(c.lockClass())) found.add(h);
      }
      singleInstanceHeld = out = found.isEmpty() ? List.of() : List.copyOf(found);
    }
    return out;
  }

  boolean holds(LockKey key) {
    for (int i = 0, n = held.size(); i < n; i++) if (held.get(i).key().equals(key)) return true;
    return false;
  }

  /**
   * Pushes a lock unless the same key in the same mode is already held (keeps states finite); then
   * the held one stands for both paths, and its file systems become the union.
   */
  LockState push(HeldLock lock) {
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      if (h.key().equals(lock.key()) && h.mode() == lock.mode()) {
        FileSystemSet both = h.fileSystems().union(lock.fileSystems());
        if (both.equals(h.fileSystems())) return this;
        HeldLock[] same = held.toArray(new HeldLock[n]);
        same[i] = h.withFileSystems(both);
        return new LockState(List.of(same), released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
      }
    }
    HeldLock[] more = held.toArray(new HeldLock[held.size() + 1]);
    more[held.size()] = lock;
    return new LockState(List.of(more), released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  /**
   * This state without {@code h}, as if it had never been taken: not released either. For a
   * lock the analysis paired with the wrong exit of a callee (ADR-014).
   */
  LockState without(HeldLock h) {
    List<HeldLock> fewer = new ArrayList<>(held);
    if (!fewer.remove(h)) return this;
    return new LockState(List.copyOf(fewer), released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  /**
   * Drops the most recent lock matching {@code key} (an exact match first, then one that differs
   * only in subclass). A lock not held here was the caller's: remember it as released.
   */
  LockState release(LockKey key) {
    int at = -1;
    for (int i = held.size() - 1; i >= 0 && at < 0; i--) if (held.get(i).key().equals(key)) at = i;
    if (at < 0) {
      LockKey base = key.base();
      for (int i = held.size() - 1; i >= 0 && at < 0; i--) if (held.get(i).key().base().equals(base)) at = i;
    }
    if (at < 0) {
      if (released.contains(key)) return this;
      return new LockState(held, withKey(released, key), scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
    }
    return dropAt(at);
  }

  /**
   * {@link #release}, but of the most recent lock of {@code key}'s class (any subclass) taken
   * through {@code through} or one of its members ({@link HeldLock#through}) when one is held: a
   * callee that unlocks its parameter's lock unlocks the one the caller took through that
   * argument, not the newest of the class (6.1's splice_pipe_to_pipe unlocks the input pipe's
   * mutex/1 before the output pipe's mutex/2).
   */
  LockState release(LockKey key, String through) {
    if (through == null) return release(key);
    LockKey base = key.base();
    String member = through + "->";
    for (int i = held.size() - 1; i >= 0; i--) {
      HeldLock h = held.get(i);
      if (h.through() == null || !h.key().base().equals(base)) continue;
      if (h.through().equals(through) || h.through().startsWith(member)) return dropAt(i);
    }
    return release(key);
  }

  private LockState dropAt(int at) {
    List<HeldLock> fewer = new ArrayList<>(held);
    HeldLock dropped = fewer.remove(at);
    List<HeldLock> rest = List.copyOf(fewer);
    if (!dropped.fromEntry() || released.contains(dropped.key())) {
      return new LockState(rest, released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
    }
    return new LockState(rest, withKey(released, dropped.key()), scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  /**
   * An unlock in the function's own body: as {@link #release}, and a key not held here that this
   * path already released is counted as released twice ({@link #releasedTwice}): two of the
   * caller's locks of one class.
   */
  LockState unlock(LockKey key) {
    LockState after = release(key);
    // release() leaves the state as it is only for a key not held and already released.
    if (after != this || releasedTwice.contains(key)) return after;
    return new LockState(held, released, scopes, result, returning, decided, decidedNonzero, withKey(releasedTwice, key), returnedConstant, choices);
  }

  /**
   * A callee's keys released twice ({@link Summary.ExitEffect#releasedTwice}), after its {@code
   * released}: each releases one more held lock of its class. None being held here, nothing is
   * passed on to this function's callers: counted again there, the extra releases changed the
   * states of Linux 6.1's largest recursion enough to cost 6 s and move its capped propagation.
   */
  LockState releaseAgain(java.util.Collection<LockKey> keys) {
    LockState s = this;
    for (LockKey k : keys) if (s.holdsBase(k)) s = s.release(k);
    return s;
  }

  /**
   * The key of the latest held lock that has one of {@code keys}, or its class with any subclass;
   * null when none is held.
   */
  LockKey latestHeldOf(List<LockKey> keys) {
    for (int i = held.size() - 1; i >= 0; i--) {
      HeldLock h = held.get(i);
      for (LockKey k : keys) if (h.key().equals(k) || h.key().base().equals(k.base())) return h.key();
    }
    return null;
  }

  /** Whether a held lock has {@code key}, or its class with any subclass (what an unlock of it releases). */
  boolean holdsBase(LockKey key) {
    LockKey base = key.base();
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      if (h.key().equals(key) || h.key().base().equals(base)) return true;
    }
    return false;
  }

  /**
   * This state without the held locks {@code drop} accepts, nothing recorded as released: for
   * locks found not to be held on this path after all, not for unlocks.
   */
  LockState without(java.util.function.Predicate<HeldLock> drop) {
    List<HeldLock> kept = null;
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      if (drop.test(h)) {
        if (kept == null) kept = new ArrayList<>(held.subList(0, i));
      } else if (kept != null) {
        kept.add(h);
      }
    }
    return kept == null ? this : new LockState(List.copyOf(kept), released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  /** This state with each held lock that {@code detach} maps to a bit mask detached from those variables. */
  LockState detaching(java.util.function.ToLongFunction<HeldLock> detach) {
    HeldLock[] changed = null;
    for (int i = 0, n = held.size(); i < n; i++) {
      HeldLock h = held.get(i);
      HeldLock d = h.detachedFrom(detach.applyAsLong(h));
      if (d == h) continue;
      if (changed == null) changed = held.toArray(new HeldLock[n]);
      changed[i] = d;
    }
    return changed == null ? this : new LockState(List.of(changed), released, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  /**
   * {@link #release} of each of {@code keys} in turn. When none of them is held (a callee's exit
   * releasing its caller's locks, which this function did not take: the common case) that only
   * adds them to the released set, in one step instead of one state per key.
   */
  LockState releaseAll(java.util.Collection<LockKey> keys) {
    if (keys.isEmpty()) return this;
    boolean anyHeld = false;
    // Keys outside, held locks inside: one iterator over the keys, not one per held lock.
    for (LockKey k : keys) {
      LockKey kBase = k.base();
      for (int i = 0, n = held.size(); i < n && !anyHeld; i++) {
        LockKey h = held.get(i).key();
        anyHeld = h.equals(k) || h.base().equals(kBase);
      }
      if (anyHeld) break;
    }
    // One by one when a lock goes, or when keys may repeat (two callee keys naming one class).
    if (anyHeld || !(keys instanceof Set)) {
      LockState s = this;
      for (LockKey k : keys) s = s.release(k);
      return s;
    }
    KeySet more = KeySet.of(released).withAll(KeySet.of(keys));
    return more == released ? this : new LockState(held, more, scopes, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }

  private static Set<LockKey> withKey(Set<LockKey> released, LockKey key) {
    return KeySet.of(released).with(key);
  }

  LockState withScopes(Scopes next) {
    return next.equals(scopes) ? this : new LockState(held, released, next, result, returning, decided, decidedNonzero, releasedTwice, returnedConstant, choices);
  }
}
