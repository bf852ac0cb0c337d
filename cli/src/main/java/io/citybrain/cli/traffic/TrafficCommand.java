package io.citybrain.cli.traffic;

import picocli.CommandLine.Command;

/** {@code citybrain traffic}: the traffic domain's commands. */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = "Traffic simulation and signal control on CityFlow and CBEngine (City Brain Challenge) networks.",
    subcommands = {RunCommand.class, CompareCommand.class, ConvertCommand.class, TuneCommand.class, EmergencyCommand.class},
    footer = {"", "Examples:", "  citybrain traffic run --help", "  citybrain traffic compare --city jinan"})
public final class TrafficCommand {}
