package org.lockorder.ir;

/**
 * A sparse context annotation in a declarator: {@code __acquires(x)}, {@code __releases(x)},
 * {@code __must_hold(x)}.
 *
 * @param kind "acquires", "releases" or "must_hold"
 * @param lock the annotated lock expression
 */
public record LockAnnotation(String kind, Arg lock, Location location) {}
