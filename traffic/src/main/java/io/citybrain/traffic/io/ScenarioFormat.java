package io.citybrain.traffic.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats a scenario (roadnet + flow) can be read from. */
public enum ScenarioFormat {
  /** CityFlow's roadnet and flow JSON ({@link CityFlowRoadnetReader}, {@link CityFlowFlowReader}). */
  CITYFLOW("cityflow"),
  /**
   * The KDD Cup 2021 City Brain Challenge's CBEngine text files ({@link CBEngineRoadnetReader},
   * {@link CBEngineFlowReader}).
   */
  CBENGINE("cbengine"),
  /**
   * SUMO's network and route XML ({@link io.citybrain.traffic.io.sumo.SumoNetReader}, {@link
   * io.citybrain.traffic.io.sumo.SumoRouteReader}).
   */
  SUMO("sumo");

  private final String cliName;

  ScenarioFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line: {@code cityflow}, {@code cbengine} or {@code sumo}. */
  public String cliName() {
    return cliName;
  }

  /**
   * The format a file's name suggests: {@code .txt} is CBEngine, {@code .xml} and {@code .xml.gz}
   * (SUMO's {@code .net.xml}, {@code .rou.xml}) SUMO, anything else (normally {@code .json})
   * CityFlow.
   *
   * @param file a roadnet or flow file
   * @return the format to read it with
   */
  public static ScenarioFormat ofFile(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt")) {
      return CBENGINE;
    }
    return n.endsWith(".xml") || n.endsWith(".xml.gz") ? SUMO : CITYFLOW;
  }

  /** The format with command-line name {@code name} (case-insensitive). */
  public static Optional<ScenarioFormat> find(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The format with command-line name {@code name}.
   *
   * @throws IllegalArgumentException naming the known formats when there is none
   */
  public static ScenarioFormat require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '" + name + "'; known: "
                        + Arrays.stream(values()).map(ScenarioFormat::cliName).collect(Collectors.joining(", "))));
  }
}
