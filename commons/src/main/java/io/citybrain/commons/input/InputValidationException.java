package io.citybrain.commons.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by every reader (traffic's CityFlow and CBEngine readers, the grid's MATPOWER reader,
 * parameter files) when an input is malformed or semantically invalid. Carries every problem
 * found, not just the first, so a user can fix an input in one pass. Commands answer it with exit
 * code {@link io.citybrain.commons.exit.ExitCode#BAD_INPUT} and the API with 422.
 */
public final class InputValidationException extends Exception {
  private final transient List<InputProblem> problems;

  /**
   * @param problems at least one problem, in input order
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

  /** All problems found, in input order. */
  public List<InputProblem> problems() {
    return problems;
  }

  /** {@code N problem(s) in input:} followed by one indented line per problem. */
  private static String summary(List<InputProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in input:\n"
        + problems.stream().map(p -> "  " + p.format()).collect(Collectors.joining("\n"));
  }
}
