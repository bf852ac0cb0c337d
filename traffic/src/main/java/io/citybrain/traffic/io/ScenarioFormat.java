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
  CBENGINE("cbengine");

  private final String cliName;

  ScenarioFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line: {@code cityflow} or {@code cbengine}. */
  public String cliName() {
    return cliName;
  }

  /**
   * The format a file's name suggests: {@code .txt} is CBEngine, anything else (normally {@code
   * .json}) CityFlow.
   *
   * @param file a roadnet or flow file
   * @return the format to read it with
   */
  public static ScenarioFormat ofFile(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".txt") ? CBENGINE : CITYFLOW;
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
