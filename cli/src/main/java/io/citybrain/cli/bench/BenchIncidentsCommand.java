package io.citybrain.cli.bench;

import io.citybrain.bench.incident.IncidentBenchmark;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.live.incident.IncidentDetectorProvider;
import io.citybrain.live.incident.IncidentDetectors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain bench incidents}: incident detectors on generated incidents across the bundled cities. */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = {
      "Generates incidents (blocked lanes and roads at random places, times, durations and demand levels) in one-hour",
      "runs of the bundled cities under max-pressure, feeds every incident detector the same loop data (two loops per",
      "lane) and prints detection rate, false alarms per detector-interval and mean time to detect. Seeds are printed."
    },
    footer = {"", "Examples:", "  citybrain bench incidents", "  citybrain bench incidents --runs 30 --seed 1000 --detector section-balance,mcmaster"})
public final class BenchIncidentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--detector", split = ",", paramLabel = "NAME", description = "detectors (default: all incident detectors)")
  List<String> detectors;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "12", description = "one-hour runs, over Jinan, Hangzhou, New York in turn (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the first run; run k uses S + k (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--incidents-per-run", paramLabel = "N", defaultValue = "3", description = "incidents per run, 1..6 (default ${DEFAULT-VALUE})")
  int incidentsPerRun;

  @Option(names = "--interval", paramLabel = "S", defaultValue = "30", description = "loop reporting interval, s, 10..120 (default ${DEFAULT-VALUE})")
  int intervalSeconds;

  @Option(names = "--parameter", paramLabel = "DETECTOR.NAME=VALUE", description = "a detector parameter other than its default (repeatable)")
  Map<String, Double> parameters = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() throws InputValidationException {
    if (runs < 1 || incidentsPerRun < 1 || incidentsPerRun > 6 || intervalSeconds < 10 || intervalSeconds > 120) {
      throw new UsageException("need --runs >= 1, --incidents-per-run 1..6 and --interval 10..120");
    }
    List<IncidentBenchmark.Entry> entries = new ArrayList<>();
    List<IncidentDetectorProvider> providers = new ArrayList<>();
    if (detectors == null || detectors.isEmpty()) {
      providers.addAll(IncidentDetectors.domain().all());
    } else {
      for (String d : detectors) {
        try {
          providers.add(IncidentDetectors.domain().require(d.trim()));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
    }
    for (String key : parameters.keySet()) {
      int dot = key.indexOf('.');
      if (dot < 1 || providers.stream().noneMatch(p -> p.name().equals(key.substring(0, dot)))) {
        throw new UsageException("--parameter " + key + ": expected DETECTOR.NAME=VALUE for one of the detectors benchmarked");
      }
    }
    for (IncidentDetectorProvider p : providers) {
      Map<String, Double> given = new java.util.LinkedHashMap<>();
      parameters.forEach((k, v) -> {
        if (k.startsWith(p.name() + ".")) {
          given.put(k.substring(p.name().length() + 1), v);
        }
      });
      try {
        entries.add(new IncidentBenchmark.Entry(p, p.resolve(given)));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    List<IncidentBenchmark.Score> scores =
        IncidentBenchmark.run(entries, runs, seed, incidentsPerRun, intervalSeconds, line -> {
          out.println(line);
          out.flush();
        });
    out.println();
    out.print(IncidentBenchmark.table(scores));
    out.flush();
    return 0;
  }
}
