package org.lockorder.analysis;

/**
 * A lock class in lockdep's sense: all lock instances declared alike share one class, named from
 * the declaration ("inode.i_rwsem", "mm_struct.mmap_lock", a global's name). A subclass from a
 * {@code *_nested(lock, n)} call with n != 0 makes a distinct class, written "name/n".
 */
public record LockClass(String name, String subclass) implements Comparable<LockClass> {

  public LockClass {
    if (subclass == null || subclass.equals("0")) subclass = "";
  }

  public static LockClass of(String name) {
    return new LockClass(name, "");
  }

  /**
   * False for a member lock whose owning struct could not be determined ("?.lock"): such a class
   * would merge every "->lock" in the program, so it is left out of the lock-order graph.
   */
  public boolean resolved() {
    return !name.startsWith("?.");
  }

  /** The same class without its subclass: what an unlock of the base lock matches. */
  public LockClass base() {
    return subclass.isEmpty() ? this : of(name);
  }

  @Override
  public int compareTo(LockClass o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return subclass.isEmpty() ? name : name + "/" + subclass;
  }
}
