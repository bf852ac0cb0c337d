package io.citybrain.cli.monitor;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.AnomalyDetectors;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain monitor detectors}: every anomaly detector of the algorithm registry with its
 * source, artifact digest, parameters and defaults ({@code citybrain algorithms list --domain
 * anomaly-detection} shows the same providers in the registry's common table).
 */
@Command(name = "detectors", mixinStandardHelpOptions = true,
    description = "List the anomaly detectors (the anomaly-detection domain of the algorithm registry): version,"
        + " source, digest, parameters with units, ranges and defaults (the global parameter set).",
    footer = {"", "Examples:", "  citybrain monitor detectors", "  citybrain algorithms list --domain anomaly-detection"})
public final class MonitorDetectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (AnomalyDetectorProvider p : AnomalyDetectors.all()) {
      out.printf(Locale.ROOT, "%s (version %s, digest %s)%s%n  %s%n  source: %s%n", p.name(), p.version(),
          p.artifact(p.resolve(Map.of())).shortDigest(),
          p.usesSeriesHints() ? " [NAB harness only: uses the series' min/max]" : "", p.description(), p.source());
      for (ParameterSpec d : p.parameters()) {
        out.printf(Locale.ROOT, "    %-22s %-10s %-7s [%s, %s]  %s%n", d.name(), ParameterValues.format(d.defaultValue()),
            d.unit(), ParameterValues.format(d.min()), ParameterValues.format(d.max()), d.description());
      }
    }
    out.flush();
    return 0;
  }
}
