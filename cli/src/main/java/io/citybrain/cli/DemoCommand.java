package io.citybrain.cli;

import io.citybrain.cli.traffic.CompareCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain demo}: the README's main job, every controller on Jinan's real flow. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Compare every signal controller on the real Jinan network and flow (one simulated hour each).",
    footer = {
      "",
      "Examples:",
      "  citybrain demo",
      "  citybrain demo --out runs/demo",
      "",
      "Same as: citybrain traffic compare --city jinan --flow real [--out DIR]"
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for comparison.json and per-controller results.")
  String out;

  @Override
  public Integer call() {
    CommandLine compare = new CommandLine(new CompareCommand());
    compare.setOut(spec.commandLine().getOut());
    compare.setErr(spec.commandLine().getErr());
    compare.setExecutionExceptionHandler(new CliErrors());
    return out == null
        ? compare.execute("--city", "jinan", "--flow", "real")
        : compare.execute("--city", "jinan", "--flow", "real", "--out", out);
  }
}
