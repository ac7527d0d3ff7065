package org.lockorder.ir;

/** An exact source position: 1-based line and column, file as the user named it. */
public record Location(String file, int line, int column) implements Comparable<Location> {

  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  // By hand, with the record's own formula: see LockClass.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Location l && line == l.line && column == l.column && java.util.Objects.equals(file, l.file);
  }

  @Override
  public int hashCode() {
    return (31 * java.util.Objects.hashCode(file) + line) * 31 + column;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
