package io.citybrain.cli;

/** Process exit codes of {@code citybrain}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** An internal error (a bug): the message asks for a report. */
  public static final int INTERNAL = 1;

  /** Invalid input files or arguments. */
  public static final int INVALID_INPUT = 2;

  private ExitCodes() {}
}
