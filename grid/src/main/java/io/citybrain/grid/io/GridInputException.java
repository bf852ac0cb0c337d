package io.citybrain.grid.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a MATPOWER case file is malformed or inconsistent. Carries every problem found, in
 * file order, so that a user can fix a file in one pass.
 */
public final class GridInputException extends Exception {
  private final transient List<GridInputProblem> problems;

  /**
   * @param problems at least one problem
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public GridInputException(List<GridInputProblem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a GridInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** All problems found, in file order. */
  public List<GridInputProblem> problems() {
    return problems;
  }

  private static String summary(List<GridInputProblem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).format();
    }
    return problems.size()
        + " problems:\n"
        + problems.stream().map(p -> "  " + p.format()).collect(Collectors.joining("\n"));
  }
}
