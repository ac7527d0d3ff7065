package org.lockorder.model;

import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;

/**
 * One function of a lock API as the lock model declares it.
 *
 * @param function the called name, e.g. "mutex_lock_nested"
 * @param op what the call does
 * @param lockArg index of the argument that is (or points at) the lock, or -1 when the call has
 *     no lock argument (rcu_read_lock) or only an explicit class
 * @param lockField member appended to the argument's path, e.g. "i_rwsem" for inode_lock(inode);
 *     null when the argument itself is the lock
 * @param lockClass a fixed class name, e.g. "inode.i_rwsem"; null to derive it from the argument
 * @param kind the lock kind: mutex, spinlock, rwlock, rwsem, percpu_rwsem, ...
 * @param mode the locker kind for ACQUIRE and ASSERT_HELD; null otherwise
 * @param style how an ACQUIRE can end; null otherwise
 * @param subclassArg index of the lockdep subclass argument of *_nested calls, or -1
 * @param startRoutineArg for SPAWN_THREAD, index of the start-routine argument; else -1
 * @param origin where the declaration came from, e.g. "linux profile" or "gfs2/lockorder.yaml:12"
 * @param irqs for ACQUIRE: the interrupt level the call also disables until the matching
 *     release (spin_lock_irqsave: hardirq, spin_lock_bh: softirq); for RELEASE, the level it
 *     enables again; null for neither
 * @param gfpArg for ALLOC, index of the gfp-flags argument, or -1 when the allocator has none and
 *     always may reclaim (vmalloc)
 * @param handlerArg for IRQ_HANDLER, index of the handler-function argument; else -1
 * @param context for IRQ_HANDLER, the level the handler runs at; else null
 * @param keyArg for SET_CLASS, index of the lock-class key argument; else -1
 * @param nestArg for ACQUIRE, index of the nest_lock argument of *_nest_lock calls; else -1
 * @param faultLockHeld for MAY_FAULT, true when callers hold the page-fault lock already
 *     (get_user_pages with mmap_lock held): the handlers run without taking it again
 * @param iteratorArg for MAY_FAULT, the index of the iov_iter argument the call copies through
 *     (it faults only when that iterator is over user memory); for KERNEL_ITERATOR and
 *     USER_ITERATOR, the index of the iterator they set up; else -1
 * @param trylockArg for ACQUIRE, index of lockdep's trylock-flag argument of an annotation
 *     ({@code rwsem_acquire_read(map, subclass, trylock, ip)}): a non-zero constant there makes the
 *     acquisition a try that holds the lock (no dependency into it); else -1
 * @param nameArg for SET_CLASS, index of a name argument ({@code lockdep_init_map(map, "jbd2_handle",
 *     &key, 0)}): a string literal there names the class instead of the key; else -1
 */
public record Primitive(
    String function,
    Op op,
    int lockArg,
    String lockField,
    String lockClass,
    String kind,
    Mode mode,
    AcquireStyle style,
    int subclassArg,
    int startRoutineArg,
    String origin,
    IrqLevel irqs,
    int gfpArg,
    int handlerArg,
    IrqLevel context,
    int keyArg,
    int nestArg,
    boolean faultLockHeld,
    int iteratorArg,
    int trylockArg,
    int nameArg) {

  /** This primitive in another locker mode (the rwlock_read option). */
  Primitive withMode(Mode newMode) {
    return new Primitive(function, op, lockArg, lockField, lockClass, kind, newMode, style,
        subclassArg, startRoutineArg, origin, irqs, gfpArg, handlerArg, context, keyArg, nestArg,
        faultLockHeld, iteratorArg, trylockArg, nameArg);
  }
}
