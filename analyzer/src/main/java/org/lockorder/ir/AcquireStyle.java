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
   * Takes the lock only in some cases, waiting for it then; holds it only when it returned
   * non-zero (atomic_dec_and_lock: when the count drops to zero).
   */
  CONDITIONAL,
  /**
   * An iterator that holds the lock between its calls: it releases the lock if held, then takes
   * it again and holds it only when it returned non-zero (6.1's {@code page_vma_mapped_walk},
   * called in a loop: true with the page-table lock of the mapping it found, false after dropping
   * it).
   */
  ITERATOR,
  /**
   * Taken and released at once: orders after every held lock but is not held afterwards
   * (might_lock, an allocation's fs_reclaim, waiting for a folio's writeback).
   */
  MOMENTARY;

  /** Whether it may wait for the lock, and so orders after the locks held (all but try). */
  public boolean waits() {
    return this != TRY;
  }

  /** For a tested result: whether a non-zero result (rather than 0) means the lock is held. */
  public boolean heldWhenNonzero() {
    return this == TRY || this == CONDITIONAL || this == ITERATOR;
  }
}
