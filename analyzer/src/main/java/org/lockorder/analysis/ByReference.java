package org.lockorder.analysis;

/**
 * A key that compares its value by reference: a Function's own equality and hash walk its whole
 * CFG, and a map read as a view of constants is the same view only when it is the same object.
 */
public record ByReference<T>(T value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof ByReference<?> r && r.value == value;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(value);
  }
}
