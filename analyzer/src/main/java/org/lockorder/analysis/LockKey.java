package org.lockorder.analysis;

/**
 * What a summary knows about a lock: either its class, or "the lock the caller passed as argument
 * i" (a wrapper like {@code static void lock(pthread_mutex_t *m)}), resolved at each call site.
 */
sealed interface LockKey permits LockKey.OfClass, LockKey.OfParam {

  /** A lock whose class is known. */
  record OfClass(LockClass lockClass) implements LockKey {
    @Override
    public String toString() {
      return lockClass.toString();
    }
  }

  /**
   * The lock is the caller's argument {@code index}, refined by {@code subclass}.
   *
   * @param wrapped for the lock inside a lock wrapper the argument points to ({@code
   *     local_lock_acquire(local_lock_t *l)} taking {@code &l->dep_map}), the class a caller
   *     whose argument names no embedding gets: the wrapper's own ("local_lock_t.dep_map"); else
   *     null
   */
  record OfParam(int index, String subclass, String wrapped) implements LockKey {
    OfParam(int index, String subclass) {
      this(index, subclass, null);
    }

    @Override
    public String toString() {
      return "<arg" + index + (subclass.isEmpty() ? "" : "/" + subclass) + ">";
    }
  }

  /** The key with its subclass removed, for matching unlocks against nested acquisitions. */
  default LockKey base() {
    // Itself when it has no subclass, the common case: releases compare every held lock's base.
    if (this instanceof OfClass c) return c.lockClass().subclass().isEmpty() ? this : new OfClass(c.lockClass().base());
    OfParam p = (OfParam) this;
    return p.subclass().isEmpty() ? p : new OfParam(p.index(), "", p.wrapped());
  }
}
