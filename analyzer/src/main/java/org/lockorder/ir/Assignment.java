package org.lockorder.ir;

/**
 * An assignment whose right side is a bare identifier or an address-of path, kept because it can
 * store a function pointer ({@code ops->fn = my_fn;}) or alias a lock
 * ({@code struct mutex *m = &dev->lock;}). Declarations with initializers count too.
 */
public record Assignment(AccessPath target, Arg value, Location location) {}
