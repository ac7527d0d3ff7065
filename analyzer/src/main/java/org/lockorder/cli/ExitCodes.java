package org.lockorder.cli;

/** The exit codes DESIGN.md promises, in one place. */
public final class ExitCodes {
  /** No failing findings. */
  public static final int OK = 0;
  /** At least one failing finding. */
  public static final int FINDINGS = 1;
  /** Bad command line, bad lock-model config, or a named path that does not exist. */
  public static final int USAGE_ERROR = 2;
  /** The analysis could not complete. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
