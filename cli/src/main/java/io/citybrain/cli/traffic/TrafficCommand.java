package io.citybrain.cli.traffic;

import picocli.CommandLine.Command;

/** {@code citybrain traffic}: the traffic domain's commands. */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = "Traffic simulation and signal control on CityFlow, CBEngine (City Brain Challenge) and SUMO networks, and OpenStreetMap import.",
    subcommands = {RunCommand.class, CompareCommand.class, ConvertCommand.class, ImportOsmCommand.class, TuneCommand.class, EmergencyCommand.class},
    footer = {"", "Examples:", "  citybrain traffic run --help", "  citybrain traffic compare --city jinan"})
public final class TrafficCommand {}
