package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioFormat;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.io.sumo.SumoConfig;
import io.citybrain.traffic.io.sumo.SumoScenarios;
import io.citybrain.traffic.sim.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command picks its scenario: roadnet and flow files ({@code --roadnet} + {@code --flow}, in
 * CityFlow JSON or CBEngine text, {@code --format}), a CityFlow {@code config.json} ({@code
 * --config}), or a bundled city ({@code --city}, where {@code --flow} names one of its flows).
 */
public final class ScenarioOptions {
  @Option(
      names = "--roadnet",
      paramLabel = "FILE",
      description = "Roadnet file: CityFlow JSON, CBEngine text (.txt, the City Brain Challenge's format) or a SUMO .net.xml.")
  Path roadnet;

  @Option(
      names = "--flow",
      paramLabel = "FILE|NAME",
      description = "Flow file (CityFlow JSON or CBEngine text); with --city, the name of a bundled flow"
          + " (default: the city's first, real for jinan, hangzhou, newyork and flow0 for nanchang).")
  String flow;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Format of --roadnet and --flow: cityflow, cbengine or sumo (default: cbengine for .txt files,"
          + " sumo for .xml and .xml.gz, else cityflow).")
  String format;

  @Option(
      names = "--city",
      paramLabel = "CITY",
      description = "Bundled real city: jinan, hangzhou, newyork, or nanchang (2,067 intersections).")
  String city;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "CityFlow config.json giving roadnet, flow, interval and seed.")
  Path config;

  @Option(
      names = "--sumocfg",
      paramLabel = "FILE",
      description = "SUMO configuration (.sumocfg) giving net-file, route-files, begin and end; time 0 is its begin.")
  Path sumocfg;

  /** The CityFlow config, when {@code --config} was given (read once). */
  private CityFlowConfig cityFlowConfig;

  /** True when the scenario comes from a bundled city. */
  boolean isBundled() {
    return city != null;
  }

  /** Reads the CityFlow config, if any. */
  CityFlowConfig cityFlowConfig() throws InputValidationException {
    if (config != null && cityFlowConfig == null) {
      cityFlowConfig = ScenarioLoader.readConfig(config);
    }
    return cityFlowConfig;
  }

  /**
   * Loads the scenario.
   *
   * @param err where warnings go
   * @throws UsageException for a missing or contradictory choice
   */
  Scenario load(PrintWriter err) throws InputValidationException {
    int ways = (city != null ? 1 : 0) + (config != null ? 1 : 0) + (roadnet != null ? 1 : 0) + (sumocfg != null ? 1 : 0);
    if (ways != 1) {
      throw new UsageException(
          "choose the scenario with exactly one of --city CITY, --config FILE, --sumocfg FILE, or --roadnet FILE --flow FILE");
    }
    if (sumocfg != null) {
      if (flow != null) {
        throw new UsageException("--flow cannot be combined with --sumocfg (the configuration names the route files)");
      }
      return SumoScenarios.loadConfig(name(sumocfg), sumocfg).scenario();
    }
    if (format != null && roadnet == null) {
      throw new UsageException("--format applies to --roadnet and --flow files");
    }
    if (city != null) {
      BundledCity c = BundledCity.require(city);
      return ScenarioLoader.loadBundled(c, flow == null ? c.defaultFlowName() : flow);
    }
    if (config != null) {
      if (flow != null) {
        throw new UsageException("--flow cannot be combined with --config (the config names the flow file)");
      }
      CityFlowConfig cfg = cityFlowConfig();
      return ScenarioLoader.load(name(cfg.flowPath()), cfg.roadnetPath(), cfg.flowPath());
    }
    if (flow == null) {
      throw new UsageException("--roadnet needs --flow FILE");
    }
    Path flowFile = Path.of(flow);
    return ScenarioLoader.load(name(flowFile), roadnet, flowFile, format(roadnet, format));
  }

  /**
   * The files the scenario is read from, each under the option that names it (none for a bundled
   * city); call after {@link #load}.
   */
  Map<String, Path> inputFiles() throws InputValidationException {
    Map<String, Path> files = new LinkedHashMap<>();
    if (roadnet != null) {
      files.put("--roadnet", roadnet);
      if (flow != null) {
        files.put("--flow", Path.of(flow));
      }
    }
    if (sumocfg != null) {
      files.put("--sumocfg", sumocfg);
      SumoConfig cfg = SumoConfig.read(sumocfg);
      files.put("net-file of --sumocfg " + sumocfg, cfg.netFile());
      for (Path r : cfg.routeFiles()) {
        files.put("route-files of --sumocfg " + sumocfg + " (" + r.getFileName() + ")", r);
      }
    }
    if (config != null) {
      files.put("--config", config);
      CityFlowConfig cfg = cityFlowConfig();
      files.put("roadnetFile of --config " + config, cfg.roadnetPath());
      files.put("flowFile of --config " + config, cfg.flowPath());
    }
    return files;
  }

  /**
   * The format of a roadnet file: {@code --format} when given, else by its extension ({@code
   * .txt}: CBEngine).
   *
   * @throws IllegalArgumentException for an unknown format name
   */
  static ScenarioFormat format(Path roadnetFile, String formatName) {
    return formatName == null ? ScenarioFormat.ofFile(roadnetFile) : ScenarioFormat.require(formatName);
  }

  private static String name(Path flowFile) {
    String n = flowFile.getFileName().toString();
    for (String extension : new String[] {".json", ".txt", ".rou.xml", ".sumocfg", ".xml"}) {
      if (n.endsWith(extension)) {
        return n.substring(0, n.length() - extension.length());
      }
    }
    return n;
  }
}
