package io.citybrain.cli.monitor;

import picocli.CommandLine.Command;

/** {@code citybrain monitor}: streaming anomaly detection on meter and sensor series. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = "Streaming anomaly detection on meter and sensor series, and the NAB benchmark.",
    subcommands = {MonitorNabCommand.class, MonitorDetectorsCommand.class, MonitorMetersCommand.class},
    footer = {
      "",
      "Examples:",
      "  citybrain monitor detectors",
      "  citybrain monitor nab --detector range-break",
      "  citybrain monitor nab --detector windowed-gaussian --profile standard --out runs/nab"
    })
public final class MonitorCommand {}
