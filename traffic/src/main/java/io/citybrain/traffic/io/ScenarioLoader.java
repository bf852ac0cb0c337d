package io.citybrain.traffic.io;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import io.citybrain.traffic.io.sumo.SumoNetReader;
import io.citybrain.traffic.io.sumo.SumoNetwork;
import io.citybrain.traffic.io.sumo.SumoRouteReader;
import io.citybrain.traffic.io.sumo.SumoScenarios;

/**
 * Loads a scenario (roadnet + flow) from files or from the bundled data, in CityFlow JSON or
 * CBEngine text ({@link ScenarioFormat}): reads, validates, hashes (SHA-256 of the file bytes) and
 * compiles it.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /**
   * Loads CityFlow files.
   *
   * @param name scenario name for reports
   * @param roadnetFile CityFlow roadnet JSON
   * @param flowFile CityFlow flow JSON
   * @return the compiled scenario
   * @throws InputValidationException with every problem found in either file (a missing or
   *     unreadable file is reported as a problem of that file)
   */
  public static Scenario load(String name, Path roadnetFile, Path flowFile) throws InputValidationException {
    return load(name, roadnetFile, flowFile, ScenarioFormat.CITYFLOW);
  }

  /**
   * Loads CBEngine files (the City Brain Challenge's text format).
   *
   * @param name scenario name for reports
   * @param roadnetFile CBEngine roadnet text
   * @param flowFile CBEngine flow text
   * @return the compiled scenario
   * @throws InputValidationException with every problem found in either file (a missing or
   *     unreadable file is reported as a problem of that file)
   */
  public static Scenario loadCBEngine(String name, Path roadnetFile, Path flowFile) throws InputValidationException {
    return load(name, roadnetFile, flowFile, ScenarioFormat.CBENGINE);
  }

  /**
   * Loads files of the given format.
   *
   * @param name scenario name for reports
   * @param roadnetFile the roadnet
   * @param flowFile the flow
   * @param format the format of both files
   * @return the compiled scenario
   * @throws InputValidationException with every problem found in either file (a missing or
   *     unreadable file is reported as a problem of that file)
   */
  public static Scenario load(String name, Path roadnetFile, Path flowFile, ScenarioFormat format)
      throws InputValidationException {
    byte[] roadnetBytes = readFile(roadnetFile, format);
    byte[] flowBytes = readFile(flowFile, format);
    return fromBytes(name, roadnetBytes, roadnetFile.toString(), flowBytes, flowFile.toString(), format);
  }

  /**
   * Reads and checks a roadnet file of the given format, without a flow (for conversion).
   *
   * @param roadnetFile the roadnet
   * @param format its format
   * @return the network
   * @throws InputValidationException with every problem found (a missing or unreadable file is
   *     reported as a problem of that file)
   */
  public static RoadNetwork readRoadnet(Path roadnetFile, ScenarioFormat format) throws InputValidationException {
    return roadnet(readFile(roadnetFile, format), roadnetFile.toString(), format);
  }

  /**
   * Reads and checks a flow file of the given format against a network (for conversion).
   *
   * @param flowFile the flow
   * @param router the router of the network the routes refer to
   * @param format its format
   * @return the flows
   * @throws InputValidationException with every problem found (a missing or unreadable file is
   *     reported as a problem of that file)
   */
  public static Demand readFlow(Path flowFile, Router router, ScenarioFormat format) throws InputValidationException {
    return demand(readFile(flowFile, format), flowFile.toString(), router, format);
  }

  /**
   * Reads a CityFlow {@code config.json} as {@link CityFlowConfigReader#read(Path)} does, but
   * reports a missing or unreadable file as a problem of that file, as {@link #load} does.
   *
   * @param configFile the config; its {@code dir} is resolved against the file's folder
   * @throws InputValidationException with every problem found
   */
  public static CityFlowConfig readConfig(Path configFile) throws InputValidationException {
    byte[] bytes = readFile(configFile, ScenarioFormat.CITYFLOW);
    Path folder = configFile.getParent();
    try {
      return CityFlowConfigReader.read(
          new ByteArrayInputStream(bytes), configFile.toString(), folder == null ? Path.of("") : folder);
    } catch (IOException e) {
      // in-memory streams do not fail; keep the contract explicit
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads a bundled city's flow from the classpath.
   *
   * @param city the city
   * @param flowName one of {@link BundledCity#flowNames()}
   * @throws IllegalArgumentException for an unknown flow
   * @throws IllegalStateException when the bundled data is not on the classpath
   */
  public static Scenario loadBundled(BundledCity city, String flowName) throws InputValidationException {
    String roadnet = city.roadnetResource();
    String flow = city.flowResource(flowName);
    return fromBytes(
        city.cityName() + "/" + flowName,
        resource(roadnet),
        "bundled:" + roadnet.substring(BundledCity.RESOURCE_ROOT.length()),
        resource(flow),
        "bundled:" + flow.substring(BundledCity.RESOURCE_ROOT.length()),
        city.format());
  }

  /** Loads CityFlow JSON from bytes already read (uploads); file names are for messages only. */
  public static Scenario fromBytes(
      String name, byte[] roadnetBytes, String roadnetName, byte[] flowBytes, String flowName)
      throws InputValidationException {
    return fromBytes(name, roadnetBytes, roadnetName, flowBytes, flowName, ScenarioFormat.CITYFLOW);
  }

  /**
   * Loads from bytes already read (uploads); file names are for messages only.
   *
   * @param format the format of both files
   */
  public static Scenario fromBytes(
      String name, byte[] roadnetBytes, String roadnetName, byte[] flowBytes, String flowName, ScenarioFormat format)
      throws InputValidationException {
    if (format == ScenarioFormat.SUMO) {
      return SumoScenarios.fromBytes(
              name, roadnetBytes, roadnetName, List.of(flowBytes), List.of(flowName), 0, OptionalDouble.empty())
          .scenario();
    }
    RoadNetwork network = roadnet(roadnetBytes, roadnetName, format);
    Router router = new Router(network);
    Demand demand = demand(flowBytes, flowName, router, format);
    return Scenario.compile(name, network, demand, flowName, Sha256.hex(roadnetBytes), Sha256.hex(flowBytes), router);
  }

  private static RoadNetwork roadnet(byte[] bytes, String fileName, ScenarioFormat format)
      throws InputValidationException {
    try {
      return switch (format) {
        case CITYFLOW -> CityFlowRoadnetReader.read(new ByteArrayInputStream(bytes), fileName);
        case CBENGINE -> CBEngineRoadnetReader.read(new ByteArrayInputStream(bytes), fileName);
        case SUMO -> SumoNetReader.read(bytes, fileName).network();
      };
    } catch (IOException e) {
      // in-memory streams do not fail; keep the contract explicit
      throw new IllegalStateException(e);
    }
  }

  private static Demand demand(byte[] bytes, String fileName, Router router, ScenarioFormat format)
      throws InputValidationException {
    try {
      return switch (format) {
        case CITYFLOW -> CityFlowFlowReader.read(new ByteArrayInputStream(bytes), fileName, router);
        case CBENGINE -> CBEngineFlowReader.read(new ByteArrayInputStream(bytes), fileName, router);
        case SUMO -> sumoDemand(bytes, fileName, router);
      };
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SUMO routes on a network already read (conversion): trips routed by SUMO's travel-time cost. */
  private static Demand sumoDemand(byte[] bytes, String fileName, Router router) throws InputValidationException {
    RoadNetwork network = router.network();
    SumoNetwork sumo = new SumoNetwork(network, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), List.of());
    Router travelTime = new Router(network, SumoRouteReader.travelTimeCost(network));
    return SumoRouteReader.read(bytes, fileName, sumo, travelTime, 0).demand();
  }

  private static byte[] readFile(Path file, ScenarioFormat format) throws InputValidationException {
    return InputFiles.read(
        file,
        switch (format) {
          case CBENGINE -> "a CBEngine text file";
          case SUMO -> "a SUMO XML file";
          case CITYFLOW -> "a JSON file";
        });
  }

  private static byte[] resource(String name) {
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "bundled data '" + name + "' is not on the classpath (module citybrain-data)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled data '" + name + "'", e);
    }
  }
}
