package io.citybrain.traffic.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by readers when an input file is malformed or semantically invalid. Carries every
 * problem found, not just the first, so a user can fix a file in one pass.
 */
public final class InputValidationException extends Exception {
  private final transient List<InputProblem> problems;

  /**
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InputValidationException(List<InputProblem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InputValidationException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single-problem exception. */
  public InputValidationException(InputProblem problem) {
    this(List.of(problem));
  }

  /** All problems found, in file order. */
  public List<InputProblem> problems() {
    return problems;
  }

  private static String summary(List<InputProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in input:\n"
        + problems.stream().map(p -> "  " + p.format()).collect(Collectors.joining("\n"));
  }
}
