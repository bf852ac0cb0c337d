package io.citybrain.cli.bench;

import io.citybrain.bench.nab.AnomalyThroughputBenchmark;
import io.citybrain.bench.nab.NabCorpusReader;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.AnomalyDetectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain bench anomaly}: detector throughput in points/s over the NAB corpus. */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description = "Throughput of the anomaly detectors (points/s, embedded, one thread) over the NAB corpus.",
    footer = {"", "Examples:", "  citybrain bench anomaly", "  citybrain bench anomaly --detector range-break --runs 9"})
public final class BenchAnomalyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--detector", split = ",", paramLabel = "NAME", description = "detectors to measure (default: all)")
  List<String> detectors;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "untimed runs (default ${DEFAULT-VALUE})")
  int warmups;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "timed runs, median reported (default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws IOException {
    if (warmups < 0 || runs < 1) {
      throw new UsageException("need --warmup >= 0 and --runs >= 1");
    }
    List<AnomalyDetectorProvider> providers = new ArrayList<>();
    if (detectors == null || detectors.isEmpty()) {
      providers.addAll(AnomalyDetectors.all());
    } else {
      for (String d : detectors) {
        providers.add(AnomalyDetectors.byName(d.trim()));
      }
    }
    spec.commandLine().getOut().print(AnomalyThroughputBenchmark.table(
        AnomalyThroughputBenchmark.embedded(NabCorpusReader.bundled(), providers, warmups, runs)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
