package org.lockorder.ir;

/** A function parameter; name may be empty in a prototype. */
public record Param(String name, CType type) {}
