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
    // The order of toString(), without building the strings: this runs in every sorted set of classes.
    int n = length();
    int m = o.length();
    for (int i = 0, end = Math.min(n, m); i < end; i++) {
      char a = charAt(i);
      char b = o.charAt(i);
      if (a != b) return a - b;
    }
    return n - m;
  }

  private int length() {
    return subclass.isEmpty() ? name.length() : name.length() + 1 + subclass.length();
  }

  private char charAt(int i) {
    if (i < name.length()) return name.charAt(i);
    return i == name.length() ? '/' : subclass.charAt(i - name.length() - 1);
  }

  // equals and hashCode by hand, with the record's own formula: the generated ones go through
  // method handles that stayed out of line where the summary memo interns classes by the million.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof LockClass c && name.equals(c.name) && subclass.equals(c.subclass);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + subclass.hashCode();
  }

  @Override
  public String toString() {
    return subclass.isEmpty() ? name : name + "/" + subclass;
  }
}
