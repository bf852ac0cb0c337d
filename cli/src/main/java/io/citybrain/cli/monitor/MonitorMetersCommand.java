package io.citybrain.cli.monitor;

import io.citybrain.bench.meters.MeterBenchmark;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.AnomalyDetectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain monitor meters}: feeder meter streams from the grid cases with injected faults, through the anomaly detectors. */
@Command(
    name = "meters",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a feeder-level meter stream per load bus of the grid cases (15-minute kWh from the IEEE RTS load shape),",
      "injects faults (theft-like drift, stuck meter, feeder outage) and prints what the anomaly detectors find."
    },
    footer = {"", "Examples:", "  citybrain monitor meters", "  citybrain monitor meters --case case118,case300 --days 14 --seed 7"})
public final class MonitorMetersCommand implements Callable<Integer> {
  private static final Map<String, Double> DEFAULT_THRESHOLDS = Map.of("range-break", 0.5, "windowed-gaussian", 0.99999);

  @Spec CommandSpec spec;

  @Option(names = "--case", split = ",", paramLabel = "NAME", description = "grid cases (default: case14, case30, case57, case118, case300)")
  List<String> cases;

  @Option(names = "--detector", split = ",", paramLabel = "NAME", description = "anomaly detectors (default: all)")
  List<String> detectors;

  @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "days of 15-minute readings, 5..60 (default ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the noise and fault times (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threshold", paramLabel = "DETECTOR=SCORE", description = "alarm threshold per detector (defaults: range-break=0.5, windowed-gaussian=0.99999)")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException, InputValidationException {
    if (days < 5 || days > 60) {
      throw new UsageException("--days must be in 5..60");
    }
    List<String> names = cases == null || cases.isEmpty() ? List.of("case14", "case30", "case57", "case118", "case300") : cases;
    for (String c : names) {
      if (!BundledCases.isBundled(c)) {
        throw new UsageException("--case " + c + ": not a bundled case; bundled: " + String.join(", ", BundledCases.names()));
      }
    }
    List<AnomalyDetectorProvider> providers = new ArrayList<>();
    try {
      if (detectors == null || detectors.isEmpty()) {
        providers.addAll(AnomalyDetectors.all());
      } else {
        for (String d : detectors) {
          providers.add(AnomalyDetectors.byName(d.trim()));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Map<String, Double> t = new LinkedHashMap<>();
    for (AnomalyDetectorProvider p : providers) {
      Double v = thresholds.getOrDefault(p.name(), DEFAULT_THRESHOLDS.get(p.name()));
      if (v == null) {
        throw new UsageException("detector " + p.name() + " has no default threshold; give --threshold " + p.name() + "=SCORE");
      }
      t.put(p.name(), v);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("meters: every load bus of %s, %d days of 15-minute kWh, seed %d%n", String.join(", ", names), days, seed);
    out.print(MeterBenchmark.table(MeterBenchmark.run(names, providers, t, days, seed)));
    out.flush();
    return 0;
  }
}
