package io.citybrain.cli;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.bench.BenchCommand;
import io.citybrain.cli.grid.GridCommand;
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
      GridCommand.class,
      io.citybrain.cli.monitor.MonitorCommand.class,
      DemoCommand.class,
      AlgorithmsCommand.class,
      BenchCommand.class,
      io.citybrain.cli.platform.ServeCommand.class,
      io.citybrain.cli.live.FieldCommand.class,
      io.citybrain.cli.platform.AuditCommand.class,
      io.citybrain.cli.platform.TokenCommand.class,
      io.citybrain.cli.platform.GovCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  citybrain demo                       compare every controller on Jinan's real flow",
      "  citybrain traffic run --city jinan --controller max-pressure --out runs/mp",
      "  citybrain traffic compare --city hangzhou --out runs/hz",
      "  citybrain bench traffic",
      "  citybrain monitor nab --detector range-break   NAB anomaly benchmark, beside the published board",
      "",
      "'citybrain' stands for 'java -jar cli/target/citybrain.jar' (see README.md)."
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private Main() {}

  /** Without a command: the usage, and exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT.code();
  }

  /** Builds the configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setUsageHelpWidth(120); // long example lines stay whole, so they can be copied
    cl.setExecutionExceptionHandler(new CliErrors());
    cl.setParameterExceptionHandler(CliErrors::handleParameterException);
    cl.setExecutionStrategy(Main::refuseUnmatchedThenRun);
    // the legend comes from the one list of exit codes every command follows
    java.util.List<String> footer = new java.util.ArrayList<>(java.util.List.of(cl.getCommandSpec().usageMessage().footer()));
    footer.add("Exit codes:");
    for (ExitCode c : ExitCode.values()) {
      footer.add("  " + c.code() + "  " + c.meaning());
    }
    cl.getCommandSpec().usageMessage().footer(footer.toArray(new String[0]));
    giveVersionToSubcommands(cl, new VersionProvider());
    return cl;
  }

  /**
   * picocli ignores arguments it cannot place when {@code --help} is also given, so {@code
   * citybrain gov --help} would print the top-level help and exit 0 as if {@code gov} existed.
   * Any unplaced argument is refused here instead: an unknown command is named as one, with the
   * commands that exist, and the exit code is 2.
   */
  private static int refuseUnmatchedThenRun(picocli.CommandLine.ParseResult parseResult) {
    for (picocli.CommandLine.ParseResult p = parseResult; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
      if (!p.unmatched().isEmpty()) {
        CommandLine cmd = p.commandSpec().commandLine();
        String first = p.unmatched().get(0);
        java.io.PrintWriter err = cmd.getErr();
        if (!first.startsWith("-") && !cmd.getSubcommands().isEmpty()) {
          err.println(CliErrors.unknownCommand(cmd, first));
        } else {
          err.println("error: unknown argument" + (p.unmatched().size() > 1 ? "s " : " ") + "'"
              + String.join("' '", p.unmatched()) + "' for '" + cmd.getCommandSpec().qualifiedName() + "'");
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.BAD_INPUT.code();
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /**
   * Every subcommand accepts {@code -V} (standard help options), but picocli does not inherit the
   * version provider: without this, {@code citybrain traffic run -V} prints nothing.
   */
  private static void giveVersionToSubcommands(CommandLine parent, VersionProvider version) {
    for (CommandLine sub : parent.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(version);
      giveVersionToSubcommands(sub, version);
    }
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes errors through; what ran out is unreachable now, so printing works
      code = CliErrors.outOfMemory(new java.io.PrintWriter(System.err, true), e);
    }
    System.exit(code);
  }
}
