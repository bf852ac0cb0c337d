package io.citybrain.cli.bench;

import io.citybrain.bench.traffic.XLightBenchmark;
import io.citybrain.bench.traffic.XLightBenchmark.Measured;
import io.citybrain.bench.traffic.XLightBenchmark.Published;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.control.SignalControllers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code citybrain bench xlight}: the Advanced-XLight table under xlight15, published vs ours. */
@Command(
    name = "xlight",
    mixinStandardHelpOptions = true,
    description = {
      "Run controllers under the xlight15 protocol on Jinan 1-3 and Hangzhou 1-2 and set them beside",
      "the published Advanced-XLight table (ICML 2022, Table 2): per-intersection travel time, s.",
      "Baselines are compared with their published figure (ours/published); every other controller",
      "with every published row. New York 1 needs the 28x7 files, which are not bundled."
    },
    footer = {"", "Examples:", "  citybrain bench xlight --controllers fixed-time,max-pressure,efficient-mp,advanced-mp,discharge-pressure"})
public final class BenchXLightCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--controllers",
      split = ",",
      defaultValue = "fixed-time,max-pressure,efficient-mp,advanced-mp,discharge-pressure",
      description = "Controllers to run (default: ${DEFAULT-VALUE}).")
  List<String> controllers;

  @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    controllers.forEach(SignalControllers::require);
    PrintWriter o = spec.commandLine().getOut();
    List<Measured> runs =
        XLightBenchmark.run(
            controllers,
            threads,
            m -> {
              o.printf("  %-10s %-20s %8.2f s%n", m.dataset(), m.controller(), m.summary().intersectionTravelTimeSeconds());
              o.flush();
            });
    List<Published> table = XLightBenchmark.published();
    List<String> datasets = new ArrayList<>(XLightBenchmark.datasets().keySet());
    List<String> header = new ArrayList<>(List.of("method"));
    header.addAll(datasets);
    List<String[]> rows = new ArrayList<>();
    for (String method : table.stream().map(Published::method).distinct().toList()) {
      List<String> row = new ArrayList<>(List.of(method + " (published)"));
      for (String d : datasets) {
        row.add(table.stream().filter(p -> p.dataset().equals(d) && p.method().equals(method))
            .map(p -> Tables.num(p.att(), 2)).findFirst().orElse("-"));
      }
      rows.add(row.toArray(new String[0]));
    }
    for (String c : controllers) {
      List<String> row = new ArrayList<>(List.of(c + " (citybrain)"));
      for (String d : datasets) {
        double ours = measured(runs, d, c);
        String cell = Tables.num(ours, 2);
        Published same = table.stream().filter(p -> p.dataset().equals(d) && p.controller().equals(c)).findFirst().orElse(null);
        if (same != null) {
          cell += String.format(" (%+.1f%%)", 100 * (ours / same.att() - 1));
        } else {
          long beaten = table.stream().filter(p -> p.dataset().equals(d) && ours < p.att()).count();
          long total = table.stream().filter(p -> p.dataset().equals(d)).count();
          cell += " (below " + beaten + "/" + total + ")";
        }
        row.add(cell);
      }
      rows.add(row.toArray(new String[0]));
    }
    o.println(Tables.render(header, rows));
    o.println("Per-intersection travel time (docs/metrics.md), xlight15 protocol (docs/traffic-protocol.md).");
    o.println("(+x%): ours vs the published figure of the same baseline; (below n/12): published rows it is below.");
    o.printf(
        "machine load (1-minute average) at the end: %.2f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    o.flush();
    return 0;
  }

  private static double measured(List<Measured> runs, String dataset, String controller) {
    return runs.stream()
        .filter(m -> m.dataset().equals(dataset) && m.controller().equals(controller))
        .findFirst()
        .orElseThrow()
        .summary()
        .intersectionTravelTimeSeconds();
  }
}
