package org.lockorder.ir;

/**
 * The lock an event is about, before class resolution.
 *
 * @param path the lock object's access path (the argument with {@code &} stripped), or null when
 *     the primitive names its class explicitly
 * @param explicitClass a class name fixed by the lock model (e.g. "inode.i_rwsem" for
 *     inode_lock(inode)), or null to derive the class from {@code path}
 * @param subclass the subclass argument of a {@code *_nested} call, or null
 */
public record LockRef(AccessPath path, String explicitClass, Arg subclass) {}
