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

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
