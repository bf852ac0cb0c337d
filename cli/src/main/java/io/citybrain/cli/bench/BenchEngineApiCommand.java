package io.citybrain.cli.bench;

import io.citybrain.bench.traffic.EngineApiBenchmark;
import io.citybrain.cli.Tables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code citybrain bench engine-api}: speed of the CityFlow-compatible Java API. */
@Command(
    name = "engine-api",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the CityFlow-compatible engine API (what the Python package calls): steps/s with no,",
      "count and full per-step observations, and episodes/s of reset-and-rerun.",
      "python/examples/speed.py measures the same modes from Python."
    },
    footer = {"", "Examples:", "  citybrain bench engine-api data/traffic/jinan_3_4/config.json --episodes 3"})
public final class BenchEngineApiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CONFIG", description = "A CityFlow config.json.")
  Path config;

  @Option(names = "--steps", defaultValue = "3600", description = "Steps per episode (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--episodes", defaultValue = "3", description = "Episodes of the reset-and-rerun mode (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || episodes < 1) {
      throw new IllegalArgumentException("--steps and --episodes must be >= 1");
    }
    List<String[]> rows = new ArrayList<>();
    for (EngineApiBenchmark.Result r : EngineApiBenchmark.run(config.toString(), steps, episodes)) {
      rows.add(
          new String[] {
            r.mode(), Tables.num(r.wallSeconds(), 3), Tables.num(r.stepsPerSecond(), 0),
            r.mode().equals("episodes") ? Tables.num(r.episodesPerSecond(), 3) : "-"
          });
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(Tables.render(List.of("mode", "wall s", "steps/s", "episodes/s"), rows));
    o.printf(
        "machine load (1-minute average) at the end: %.2f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    o.flush();
    return 0;
  }
}
