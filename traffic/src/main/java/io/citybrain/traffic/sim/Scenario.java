package io.citybrain.traffic.sim;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.network.RoadNetwork;

/**
 * A loaded, validated and compiled pair of road network and demand, ready to be simulated any
 * number of times (runs do not change it).
 *
 * @param name a short name for reports (e.g. {@code jinan/anon_3_4_jinan_real})
 * @param network the road network
 * @param demand the flows
 * @param compiled the simulator's view of the network
 * @param plans the flows' lane paths
 * @param roadnetSha256 SHA-256 (hex) of the roadnet file's bytes, or "" when not from a file
 * @param flowSha256 SHA-256 (hex) of the flow file's bytes, or ""
 */
public record Scenario(
    String name,
    RoadNetwork network,
    Demand demand,
    SimNetwork compiled,
    FlowPlans plans,
    String roadnetSha256,
    String flowSha256) {

  /**
   * Compiles a scenario from models already read.
   *
   * @param flowFileName the flow file's name, for error messages
   * @throws InputValidationException when a flow has no lane-level path
   */
  public static Scenario compile(
      String name,
      RoadNetwork network,
      Demand demand,
      String flowFileName,
      String roadnetSha256,
      String flowSha256)
      throws InputValidationException {
    return compile(name, network, demand, flowFileName, roadnetSha256, flowSha256, new Router(network));
  }

  /** As above, reusing a router built for {@code network}. */
  public static Scenario compile(
      String name,
      RoadNetwork network,
      Demand demand,
      String flowFileName,
      String roadnetSha256,
      String flowSha256,
      Router router)
      throws InputValidationException {
    SimNetwork compiled = new SimNetwork(network);
    FlowPlans plans = FlowPlans.compile(compiled, demand, flowFileName, router);
    return new Scenario(name, network, demand, compiled, plans, roadnetSha256, flowSha256);
  }

  /** A new simulation of this scenario at time 0. */
  public Simulation newSimulation(SimulationConfig config) {
    return new Simulation(compiled, demand, plans, config);
  }
}
