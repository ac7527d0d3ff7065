package org.lockorder.source;

/** A message about an input file, printed compiler-style: {@code file:line:col: error: msg}. */
public record Diagnostic(String file, int line, int column, Severity severity, String message)
    implements Comparable<Diagnostic> {

  /** How bad a diagnostic is. */
  public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(file, line, column, Severity.ERROR, message);
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    if (c != 0) return c;
    c = Integer.compare(column, o.column);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }
}
