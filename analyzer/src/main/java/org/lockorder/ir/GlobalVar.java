package org.lockorder.ir;

/**
 * A file-scope variable. {@code static DEFINE_MUTEX(a);} becomes a GlobalVar named {@code a}
 * with {@code definedBy = "DEFINE_MUTEX"} and type name "DEFINE_MUTEX"; {@code static
 * DEFINE_PER_CPU(struct lru_rotate, lru_rotate);} one named {@code lru_rotate} of type {@code
 * struct lru_rotate} with {@code definedBy = "DEFINE_PER_CPU"}: an object per CPU.
 */
public record GlobalVar(
    String name, CType type, boolean isStatic, String definedBy, Location location) {

  /** Whether there is one of it per CPU ({@code DEFINE_PER_CPU} and its variants). */
  public boolean perCpu() {
    return definedBy != null && definedBy.contains("_PER_CPU");
  }
}
