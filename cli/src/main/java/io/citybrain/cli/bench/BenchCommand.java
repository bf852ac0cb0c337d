package io.citybrain.cli.bench;

import io.citybrain.cli.grid.GridBenchCommand;
import picocli.CommandLine.Command;

/** {@code citybrain bench}: benchmarks against the field's reference figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks against reference figures: CityFlow, SUMO, RESCO and the XLight papers for traffic, MATPOWER for grid dispatch;"
            + " anomaly detector throughput; live ingestion.",
    subcommands = {
      BenchTrafficCommand.class,
      BenchSumoCommand.class,
      BenchCBEngineCommand.class,
      BenchRescoCommand.class,
      GridBenchCommand.class,
      BenchAnomalyCommand.class,
      BenchIncidentsCommand.class,
      BenchAuditCommand.class,
      io.citybrain.cli.live.BenchLiveCommand.class,
      BenchEngineApiCommand.class,
      BenchXLightCommand.class,
      BenchApiCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  citybrain bench traffic --help",
      "  java -Xmx512m -jar cli/target/citybrain.jar bench traffic --runs 3"
    })
public final class BenchCommand {}
