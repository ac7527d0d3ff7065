package org.lockorder.model;

/** What calling a lock-model primitive does. */
public enum Op {
  /** Takes a lock (blocking, try or checked: see {@link Primitive#style()}). */
  ACQUIRE,
  /** Drops a lock. */
  RELEASE,
  /** Asserts a lock is held here (lockdep_assert_held*). */
  ASSERT_HELD,
  /** Touches user memory and may enter the page-fault handler (copy_from_user, ...). */
  MAY_FAULT,
  /** Opens a region where page faults do not enter the handler (pagefault_disable). */
  FAULTS_DISABLE,
  /** Closes such a region (pagefault_enable). */
  FAULTS_ENABLE,
  /** Starts a thread at a function passed as an argument (pthread_create). */
  SPAWN_THREAD
}
