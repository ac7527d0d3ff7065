package org.lockorder.ir;

/**
 * One argument of a call as the frontend saw it.
 *
 * @param text the argument as written, whitespace-normalized
 * @param path the lvalue path it denotes, or null when it is not path-shaped
 * @param constant its value when it is an integer literal, else null
 */
public record Arg(String text, AccessPath path, Long constant) {}
