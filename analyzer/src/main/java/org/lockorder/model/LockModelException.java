package org.lockorder.model;

/** A lock-model file that cannot be used; carries a compiler-style position. */
public final class LockModelException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;

  public LockModelException(String file, int line, int column, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** {@code file:line:col: error: message}. */
  public String render() {
    return file + ":" + line + ":" + column + ": error: " + getMessage();
  }
}
