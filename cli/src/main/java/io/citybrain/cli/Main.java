package io.citybrain.cli;

import io.citybrain.cli.bench.BenchCommand;
import io.citybrain.cli.traffic.TrafficCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code citybrain} command line. */
@Command(
    name = "citybrain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "An open city brain: traffic simulation and adaptive signal control, grid dispatch.",
    subcommands = {
      TrafficCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      io.citybrain.cli.platform.ServeCommand.class,
      io.citybrain.cli.platform.AuditCommand.class,
      io.citybrain.cli.platform.TokenCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  citybrain demo                       compare every controller on Jinan's real flow",
      "  citybrain traffic run --city jinan --controller max-pressure --out runs/mp",
      "  citybrain traffic compare --city hangzhou --out runs/hz",
      "  citybrain bench traffic",
      "",
      "Exit codes: 0 success, 1 internal error, 2 invalid input or arguments."
    })
public final class Main {
  private Main() {}

  /** Builds the configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new CliErrors());
    cl.setParameterExceptionHandler(CliErrors::handleParameterException);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
