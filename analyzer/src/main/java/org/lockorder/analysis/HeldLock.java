package org.lockorder.analysis;

import org.lockorder.ir.Mode;

/**
 * A lock in a held-lock state: what it is, how it is held, where it was taken.
 *
 * @param fromEntry true when the caller holds it (sparse annotation, lockdep_assert_held): it is
 *     not reported as acquired by this function on return
 */
record HeldLock(LockKey key, Mode mode, Site site, boolean fromEntry) {}
