package org.lockorder.ir;

/**
 * An assignment whose right side is a bare identifier, an address-of path, a call's result or (to
 * a whole variable) a member, kept because it can store a function pointer ({@code ops->fn =
 * my_fn;}), alias a lock ({@code struct mutex *m = &dev->lock;}) or copy an ops table ({@code ops
 * = walk->ops}). Declarations with initializers count too.
 *
 * @param literal true for a field of a local struct's designated initializer ({@code struct
 *     mm_walk walk = { .ops = ops };} gives {@code walk.ops = ops}): what a call passing that
 *     struct passes (ADR-008), not a store the program makes into a shared ops table
 */
public record Assignment(AccessPath target, Arg value, Location location, boolean literal) {
  public Assignment(AccessPath target, Arg value, Location location) {
    this(target, value, location, false);
  }
}
