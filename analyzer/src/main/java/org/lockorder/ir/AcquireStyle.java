package org.lockorder.ir;

/** How an acquisition can end. */
public enum AcquireStyle {
  /** Waits until it gets the lock; always succeeds (mutex_lock, spin_lock, down_read). */
  BLOCKING,
  /** Never waits; holds the lock only when it returned non-zero (mutex_trylock). */
  TRY,
  /** Waits, but may give up; holds the lock only when it returned 0 (mutex_lock_killable). */
  CHECKED,
  /**
   * Taken and released at once: orders after every held lock but is not held afterwards
   * (might_lock, an allocation's fs_reclaim, waiting for a folio's writeback).
   */
  MOMENTARY
}
