package io.citybrain.cli.monitor;

import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.AnomalyDetectors;
import io.citybrain.live.anomaly.DetectorParameter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code citybrain monitor detectors}: every anomaly detector with its parameters and defaults. */
@Command(name = "detectors", mixinStandardHelpOptions = true,
    description = "List the anomaly detectors, their versions, parameters and defaults (the global parameter set).",
    footer = {"", "Examples:", "  citybrain monitor detectors"})
public final class MonitorDetectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (AnomalyDetectorProvider p : AnomalyDetectors.all()) {
      out.printf(Locale.ROOT, "%s (version %s)%s%n  %s%n", p.name(), p.version(),
          p.usesSeriesHints() ? " [NAB harness only: uses the series' min/max]" : "", p.description());
      for (DetectorParameter d : p.parameters()) {
        out.printf(Locale.ROOT, "    %-22s %-10s %s%n", d.name(), d.integer() ? Long.toString((long) d.defaultValue())
            : Double.toString(d.defaultValue()), d.description());
      }
    }
    out.flush();
    return 0;
  }
}
