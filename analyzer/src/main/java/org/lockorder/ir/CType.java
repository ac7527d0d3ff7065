package org.lockorder.ir;

/**
 * A declared C type, reduced to what lock-class naming needs: the base name ("struct inode",
 * "union foo", "enum bar", "spinlock_t", "int"), how many pointer levels, and whether it is an
 * array. Qualifiers and attributes are dropped.
 */
public record CType(String name, int pointers, boolean array) {

  /** The struct or union tag when the base is "struct X" or "union X", else null. */
  public String tag() {
    if (name.startsWith("struct ")) return name.substring(7);
    if (name.startsWith("union ")) return name.substring(6);
    return null;
  }

  /** Whether this is C's {@code bool} ({@code _Bool}, or the kernel's and stdbool's {@code bool}), not a pointer or array. */
  public boolean isBool() {
    return pointers == 0 && !array && (name.equals("bool") || name.equals("_Bool"));
  }

  @Override
  public String toString() {
    return name + "*".repeat(pointers) + (array ? "[]" : "");
  }
}
