package org.lockorder.analysis;

import org.lockorder.ir.Mode;

/**
 * A lock in a held-lock state: what it is, how it is held, where it was taken.
 *
 * @param fromEntry true when the caller holds it (sparse annotation, lockdep_assert_held): it is
 *     not reported as acquired by this function on return
 * @param fileSystems the file systems whose objects the path that took it can run for (ADR-003):
 *     {@link FileSystemSet#ANY} unless a callee returned holding it through an ops call confined
 *     to some file systems' tables. An edge from it to an acquisition confined to none of them is
 *     not recorded: no single thread holds one and then takes the other.
 * @param detached bit i: the function's variable i that the lock was taken through has been
 *     assigned since on this path ({@link PointerFacts}), so a test of that variable against NULL
 *     says nothing about it any more. Only the analysis of the function that took it sets bits;
 *     what leaves that analysis (exits, pending edges) has none. The top bit is {@link
 *     #NULL_RESULT}.
 * @param through the pointer that taking it dereferenced, in the terms of the function whose
 *     state holds it: {@code "1"} for its parameter 1 itself, {@code "1->anon_vma"} for that
 *     parameter's member ({@code &vma->anon_vma->root->rwsem}, or a callee given {@code vma} or
 *     {@code vma->anon_vma} that took it so); only parameters the function never assigns; null
 *     otherwise. While it is held, that pointer is not NULL, so a callee's exit that found it NULL
 *     is not the caller's ({@link PointerFacts#possibleExits}). Not part of a state's identity.
 */
record HeldLock(
    LockKey key, Mode mode, Site site, boolean fromEntry, FileSystemSet fileSystems, long detached, String through) {

  /**
   * Bit of {@link #detached}: a call left this lock held on a path that returned NULL ({@code
   * lock_cluster_or_swap_info} falls back to {@code si->lock} and returns NULL), so the variable
   * that holds the call's result is NULL, and the lock was not taken through it.
   */
  static final long NULL_RESULT = Long.MIN_VALUE;

  HeldLock(LockKey key, Mode mode, Site site, boolean fromEntry) {
    this(key, mode, site, fromEntry, FileSystemSet.ANY, 0L, null);
  }

  HeldLock(LockKey key, Mode mode, Site site, boolean fromEntry, FileSystemSet fileSystems) {
    this(key, mode, site, fromEntry, fileSystems, 0L, null);
  }

  HeldLock withFileSystems(FileSystemSet s) {
    return s.equals(fileSystems) ? this : new HeldLock(key, mode, site, fromEntry, s, detached, through);
  }

  /** This lock with the variables in {@code bits} assigned since it was taken. */
  HeldLock detachedFrom(long bits) {
    return (detached | bits) == detached ? this : new HeldLock(key, mode, site, fromEntry, fileSystems, detached | bits, through);
  }

  /** This lock as it leaves the analysis of the function holding it: without {@link #detached}. */
  HeldLock attached() {
    return detached == 0 ? this : new HeldLock(key, mode, site, fromEntry, fileSystems, 0L, through);
  }

  HeldLock withThrough(String t) {
    return java.util.Objects.equals(t, through) ? this : new HeldLock(key, mode, site, fromEntry, fileSystems, detached, t);
  }
}
