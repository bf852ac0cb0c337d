package io.citybrain.traffic.io;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The real networks bundled with citybrain (module {@code citybrain-data}, classpath folder
 * {@code citybrain/data/traffic/}), their flows by short name, and the format of their files:
 * the research networks in CityFlow JSON, Nanchang in the City Brain Challenge's CBEngine text.
 *
 * <p>{@link #flowNames()} lists the published real flows (the benchmark's). A city may also carry
 * scenario flows built from them, loadable by name but not part of the benchmark: Jinan's
 * {@code emergency} is its real flow with ten emergency trips added, Hangzhou's {@code emergency}
 * its heavy {@code 5734} flow with ten emergency trips through its busiest intersections
 * ({@link #scenarioFlowNames()}).
 */
public enum BundledCity {
  JINAN(
      "jinan",
      "jinan_3_4",
      "roadnet_3_4.json",
      Map.of(
          "real", "anon_3_4_jinan_real.json",
          "2000", "anon_3_4_jinan_real_2000.json",
          "2500", "anon_3_4_jinan_real_2500.json",
          "emergency", "anon_3_4_jinan_real_emergency.json"),
      List.of("real", "2000", "2500")),
  HANGZHOU(
      "hangzhou",
      "hangzhou_4_4",
      "roadnet_4_4.json",
      Map.of(
          "real", "anon_4_4_hangzhou_real.json",
          "5734", "anon_4_4_hangzhou_real_5734.json",
          "5816", "anon_4_4_hangzhou_real_5816.json",
          "emergency", "anon_4_4_hangzhou_real_5734_emergency.json"),
      List.of("real", "5734", "5816")),
  NEWYORK(
      "newyork",
      "newyork_16_3",
      "roadnet_16_3.json",
      Map.of("real", "anon_16_3_newyork_real.json"),
      List.of("real")),
  /** Nanchang, 2,067 intersections: the KDD Cup 2021 City Brain Challenge's final-round network. */
  NANCHANG(
      "nanchang",
      "nanchang_citybrain",
      "roadnet_round3.txt",
      Map.of("flow0", "flow_round3_flow0.txt"),
      List.of("flow0"),
      ScenarioFormat.CBENGINE);

  /** Classpath folder of the bundled traffic data. */
  public static final String RESOURCE_ROOT = "citybrain/data/traffic/";

  private final String cityName;
  private final String folder;
  private final String roadnetFile;
  private final Map<String, String> flowFiles;
  private final List<String> flowNames;
  private final ScenarioFormat format;

  BundledCity(String cityName, String folder, String roadnetFile, Map<String, String> flowFiles, List<String> flowNames) {
    this(cityName, folder, roadnetFile, flowFiles, flowNames, ScenarioFormat.CITYFLOW);
  }

  BundledCity(
      String cityName,
      String folder,
      String roadnetFile,
      Map<String, String> flowFiles,
      List<String> flowNames,
      ScenarioFormat format) {
    this.cityName = cityName;
    this.folder = folder;
    this.roadnetFile = roadnetFile;
    this.flowFiles = flowFiles;
    this.flowNames = flowNames;
    this.format = format;
  }

  /**
   * Short name used on the command line ({@code jinan}, {@code hangzhou}, {@code newyork},
   * {@code nanchang}).
   */
  public String cityName() {
    return cityName;
  }

  /** Names of the published flows, the default (the real flow, or the challenge's flow 0) first. */
  public List<String> flowNames() {
    return flowNames;
  }

  /** The city's name for people: Jinan, Hangzhou, New York, Nanchang. */
  public String displayName() {
    return switch (this) {
      case JINAN -> "Jinan";
      case HANGZHOU -> "Hangzhou";
      case NEWYORK -> "New York";
      case NANCHANG -> "Nanchang";
    };
  }

  /** The default flow: the first of {@link #flowNames()}. */
  public String defaultFlowName() {
    return flowNames.get(0);
  }

  /** The format of the roadnet and flow files. */
  public ScenarioFormat format() {
    return format;
  }

  /** Names of the scenario flows derived from the real ones (not benchmarked), sorted. */
  public List<String> scenarioFlowNames() {
    return flowFiles.keySet().stream().filter(f -> !flowNames.contains(f)).sorted().toList();
  }

  /** Classpath resource of the roadnet. */
  public String roadnetResource() {
    return RESOURCE_ROOT + folder + "/" + roadnetFile;
  }

  /**
   * Classpath resource of a flow.
   *
   * @throws IllegalArgumentException naming the known flows when {@code flowName} is unknown
   */
  public String flowResource(String flowName) {
    String f = flowFiles.get(flowName);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown flow '" + flowName + "' for " + cityName + "; known: "
              + String.join(", ", flowNames)
              + (scenarioFlowNames().isEmpty() ? "" : ", " + String.join(", ", scenarioFlowNames())));
    }
    return RESOURCE_ROOT + folder + "/" + f;
  }

  /** Folder and file of the flow, for reports, e.g. {@code jinan_3_4/anon_3_4_jinan_real.json}. */
  public String flowLabel(String flowName) {
    flowResource(flowName);
    return folder + "/" + flowFiles.get(flowName);
  }

  /** The city named {@code name} (case-insensitive). */
  public static Optional<BundledCity> find(String name) {
    return Arrays.stream(values()).filter(c -> c.cityName.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The city named {@code name}.
   *
   * @throws IllegalArgumentException naming the bundled cities when there is none
   */
  public static BundledCity require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown city '"
                        + name
                        + "'; bundled: "
                        + Arrays.stream(values()).map(BundledCity::cityName).collect(Collectors.joining(", "))));
  }
}
