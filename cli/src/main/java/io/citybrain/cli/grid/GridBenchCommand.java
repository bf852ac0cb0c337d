package io.citybrain.cli.grid;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.bench.grid.GridBenchmark;
import io.citybrain.grid.io.BundledCases;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain bench grid}: times the DC-OPF of every bundled case (parse excluded and
 * included) against MATPOWER's reference times; see {@link GridBenchmark}.
 */
@Command(
    name = "grid",
    description = "Benchmark DC-OPF solve time per bundled case against MATPOWER's figures.",
    footer = {"", "Examples:", "  citybrain bench grid", "  citybrain bench grid --case case118,case9241pegase --iterations 15"},
    mixinStandardHelpOptions = true)
public final class GridBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "untimed runs per case (default ${DEFAULT-VALUE})")
  int warmups;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "7", description = "timed runs per measurement, median reported (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--case", paramLabel = "NAME", split = ",", description = "only these bundled cases (default: all)")
  List<String> cases;

  /** Runs the benchmark and prints its table; exit code 0, or 2 for an unknown case or bad counts. */
  @Override
  public Integer call() {
    List<String> names = cases == null || cases.isEmpty() ? BundledCases.names() : cases;
    for (String name : names) {
      if (!BundledCases.isBundled(name)) {
        spec.commandLine().getErr().println("error: " + name + " is not a bundled case (bundled: "
            + String.join(", ", BundledCases.names()) + ")");
        return ExitCode.BAD_INPUT.code();
      }
    }
    if (warmups < 0 || iterations < 1) {
      spec.commandLine().getErr().println("error: need --warmup >= 0 and --iterations >= 1");
      return ExitCode.BAD_INPUT.code();
    }
    spec.commandLine().getOut().print(GridBenchmark.table(GridBenchmark.run(names, warmups, iterations)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }

}
