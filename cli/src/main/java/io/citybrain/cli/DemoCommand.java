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
      "  citybrain demo --wide             every figure, one wide table",
      "",
      "Same as: citybrain traffic compare --city jinan --flow real [--out DIR] [--wide]"
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for comparison.json, comparison.csv and per-controller results.")
  String out;

  @Option(names = "--wide", description = "Print every figure (a table wider than 100 columns).")
  boolean wide;

  @Override
  public Integer call() {
    CommandLine compare = new CommandLine(new CompareCommand());
    compare.setOut(spec.commandLine().getOut());
    compare.setErr(spec.commandLine().getErr());
    compare.setExecutionExceptionHandler(new CliErrors());
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--city", "jinan", "--flow", "real"));
    if (out != null) {
      args.addAll(java.util.List.of("--out", out));
    }
    if (wide) {
      args.add("--wide");
    }
    return compare.execute(args.toArray(new String[0]));
  }
}
