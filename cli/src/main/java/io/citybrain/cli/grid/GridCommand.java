package io.citybrain.cli.grid;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain grid}: optimal dispatch of MATPOWER cases. Subcommands: {@code dispatch CASE
 * [--out DIR]} and {@code compare}. Exit codes: 0 success, 1 no feasible dispatch, 2 unreadable or
 * malformed input.
 */
@Command(
    name = "grid",
    description = "Smart-grid dispatch: DC optimal power flow of MATPOWER cases, naive baseline, AC check.",
    footer = {"", "Examples:", "  citybrain grid dispatch case118 --out runs/case118", "  citybrain grid compare"},
    mixinStandardHelpOptions = true,
    subcommands = {GridDispatchCommand.class, GridCompareCommand.class})
public final class GridCommand implements Runnable {
  /** Exit code for a case without a feasible dispatch (infeasible, all buses isolated). */
  public static final int EXIT_NO_DISPATCH = 1;
  /** Exit code for an unreadable or malformed case file. */
  public static final int EXIT_BAD_INPUT = 2;

  @Spec CommandSpec spec;

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
