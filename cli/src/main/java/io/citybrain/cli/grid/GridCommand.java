package io.citybrain.cli.grid;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain grid}: optimal dispatch of MATPOWER cases. Subcommands: {@code dispatch CASE
 * [--out DIR]} and {@code compare}. Exit codes ({@link
 * io.citybrain.commons.exit.ExitCode}): 0 success, 2 unreadable or malformed input, 4 no feasible
 * dispatch (the case is valid but infeasible).
 */
@Command(
    name = "grid",
    description = "Smart-grid dispatch: DC optimal power flow of MATPOWER cases, naive baseline, AC check.",
    footer = {"", "Examples:", "  citybrain grid dispatch case118 --out runs/case118", "  citybrain grid compare"},
    mixinStandardHelpOptions = true,
    subcommands = {GridDispatchCommand.class, GridCompareCommand.class})
public final class GridCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
