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
  SPAWN_THREAD,
  /**
   * Allocates memory; with gfp flags that allow fs reclaim (GFP_KERNEL) it may enter reclaim,
   * lockdep's {@code fs_reclaim} pseudo-lock (kmalloc, alloc_pages, ...).
   */
  ALLOC,
  /** Opens a scope where allocations do not enter fs reclaim (memalloc_nofs_save). */
  RECLAIM_DISABLE,
  /** Closes such a scope (memalloc_nofs_restore). */
  RECLAIM_ENABLE,
  /** Disables hard interrupts on this CPU (local_irq_disable, local_irq_save). */
  IRQS_DISABLE,
  /** Enables them again (local_irq_enable, local_irq_restore). */
  IRQS_ENABLE,
  /** Disables softirqs (local_bh_disable). */
  SOFTIRQS_DISABLE,
  /** Enables them again (local_bh_enable). */
  SOFTIRQS_ENABLE,
  /** Registers a function that runs in interrupt context (request_irq, timer_setup, ...). */
  IRQ_HANDLER,
  /** Gives a lock a class of its own, named by a key (lockdep_set_class). */
  SET_CLASS,
  /**
   * Gives one lock object a subclass of its class (lockdep_set_subclass): the acquisitions of the
   * same expression that the call reaches in the same function are taken at that subclass.
   */
  SET_SUBCLASS,
  /**
   * Makes an iterator over kernel memory, which no copy through it faults on (iov_iter_kvec,
   * iov_iter_bvec, ...): the iterator is the argument {@link Primitive#iteratorArg()}.
   */
  KERNEL_ITERATOR,
  /** Makes an iterator over user memory (iov_iter_init, import_iovec, ...). */
  USER_ITERATOR,
  /**
   * Never returns (BUG, panic, do_exit): the path that calls it ends there, with whatever it
   * holds, and reaches nothing after the call.
   */
  NO_RETURN,
  /**
   * Returns non-zero in any interrupt context, zero only in task context (in_interrupt): the
   * zero side of a test of it never runs in an interrupt handler.
   */
  IN_INTERRUPT,
  /** Returns non-zero only in task context (in_task): the non-zero side never runs in a handler. */
  IN_TASK,
  /**
   * Returns zero in the lock model's reading of the code (need_seqretry: every seqlock reader
   * pass is read as the locking one, which never asks for a retry): a branch on its result takes
   * its zero side only.
   */
  RETURNS_ZERO
}
