package io.citybrain.commons.exit;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The process exit codes of every {@code citybrain} command, traffic and grid alike. Scripts and
 * schedulers can rely on them: 0 means the results are there; 2 means fix the input; 4 means the
 * input was understood but describes a problem without a solution (an infeasible grid case), which
 * is an answer about the input, not a failure of the tool; 1 is a bug to report.
 */
public enum ExitCode {
  /** Success: the command did what was asked. */
  OK(0, "success"),
  /** An internal error (a bug, or out of memory): the message asks for a report. */
  INTERNAL_ERROR(1, "internal error (a bug; please report it)"),
  /** Invalid input files, arguments or options, or an unusable database or output folder. */
  BAD_INPUT(2, "invalid input, arguments or options"),
  /** An integrity check failed: the audit log's chain or proofs do not verify. */
  VERIFICATION_FAILED(3, "verification failed (audit log broken)"),
  /** The input is valid but has no solution (e.g. an infeasible grid case: no dispatch meets the loads within the limits). */
  NO_SOLUTION(4, "the input is valid but has no solution (e.g. an infeasible grid dispatch)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status, 0–4. */
  public int code() {
    return code;
  }

  /** What the code means, for help texts. */
  public String meaning() {
    return meaning;
  }

  /** One line for help footers: {@code Exit codes: 0 success, 1 internal error ..., 4 ...}. */
  public static String legend() {
    return "Exit codes: "
        + Arrays.stream(values()).map(c -> c.code + " " + c.meaning).collect(Collectors.joining(", "))
        + ".";
  }
}
