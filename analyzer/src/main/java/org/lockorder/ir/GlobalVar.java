package org.lockorder.ir;

/**
 * A file-scope variable. {@code static DEFINE_MUTEX(a);} becomes a GlobalVar named {@code a}
 * with {@code definedBy = "DEFINE_MUTEX"} and type name "DEFINE_MUTEX".
 */
public record GlobalVar(
    String name, CType type, boolean isStatic, String definedBy, Location location) {}
