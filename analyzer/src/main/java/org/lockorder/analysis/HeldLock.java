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
 */
record HeldLock(LockKey key, Mode mode, Site site, boolean fromEntry, FileSystemSet fileSystems) {

  HeldLock(LockKey key, Mode mode, Site site, boolean fromEntry) {
    this(key, mode, site, fromEntry, FileSystemSet.ANY);
  }

  HeldLock withFileSystems(FileSystemSet s) {
    return s.equals(fileSystems) ? this : new HeldLock(key, mode, site, fromEntry, s);
  }
}
