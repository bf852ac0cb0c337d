package io.citybrain.traffic.io.sumo;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.io.InputFiles;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Loads SUMO scenarios (a network, route files and a time window) into a {@link Scenario}: the
 * SUMO half of {@link ScenarioLoader}.
 *
 * <p>The simulation starts at 0, which is SUMO's {@code begin}: departures are shifted by it and
 * each traffic light's plan is rotated so that the roadnet plan shows at time 0 what SUMO shows at
 * {@code begin}. SUMO runs a static program from its {@code offset}: at time t the program is
 * (t − offset) mod cycle seconds into its cycle (SUMO's {@code NLJunctionControlBuilder}). When
 * that falls inside a phase, the phase is split: its remaining part first, its elapsed part last,
 * so the repeated cycle is exactly SUMO's.
 */
public final class SumoScenarios {
  private SumoScenarios() {}

  /**
   * A loaded SUMO scenario.
   *
   * @param scenario the compiled scenario (times relative to {@code beginSeconds})
   * @param sumo the network as read, with SUMO's own data
   * @param beginSeconds SUMO's begin, s: time 0 of the simulation
   * @param endSeconds SUMO's end, s, or empty when the configuration gives none
   * @param droppedBeforeBegin vehicles departing before begin, left out
   */
  public record Loaded(
      Scenario scenario, SumoNetwork sumo, double beginSeconds, OptionalDouble endSeconds, int droppedBeforeBegin) {

    /** Steps of the window at 1 s, or {@code fallback} when the end is open. */
    public int windowSteps(int fallback) {
      return endSeconds.isPresent() ? (int) Math.round(endSeconds.getAsDouble() - beginSeconds) : fallback;
    }
  }

  /**
   * Loads a {@code .sumocfg}: its network, route files, begin and end.
   *
   * @param name scenario name for reports
   * @throws InputValidationException with every problem of the configuration or its files
   */
  public static Loaded loadConfig(String name, Path sumocfg) throws InputValidationException {
    SumoConfig cfg = SumoConfig.read(sumocfg);
    return load(name, cfg.netFile(), cfg.routeFiles(), cfg.beginSeconds(),
        Double.isNaN(cfg.endSeconds()) ? OptionalDouble.empty() : OptionalDouble.of(cfg.endSeconds()));
  }

  /**
   * Loads a network and route files.
   *
   * @param beginSeconds SUMO's begin, s (0 without a configuration)
   * @param endSeconds SUMO's end, if known
   */
  public static Loaded load(String name, Path netFile, List<Path> routeFiles, double beginSeconds, OptionalDouble endSeconds)
      throws InputValidationException {
    byte[] net = InputFiles.read(netFile, "a SUMO network (.net.xml)");
    List<byte[]> routes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path r : routeFiles) {
      routes.add(InputFiles.read(r, "a SUMO route file (.rou.xml)"));
      names.add(r.toString());
    }
    return fromBytes(name, net, netFile.toString(), routes, names, beginSeconds, endSeconds);
  }

  /** Loads from bytes already read; file names are for messages only. */
  public static Loaded fromBytes(
      String name, byte[] net, String netName, List<byte[]> routes, List<String> routeNames, double beginSeconds,
      OptionalDouble endSeconds) throws InputValidationException {
    SumoNetwork sumo = SumoNetReader.read(net, netName);
    RoadNetwork network = planAt(sumo, beginSeconds);
    Router router = new Router(network, SumoRouteReader.travelTimeCost(network));
    SumoRouteReader.Result demand = SumoRouteReader.read(routes, routeNames, sumo, router, beginSeconds);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] r : routes) {
      all.writeBytes(r);
    }
    Scenario scenario =
        Scenario.compile(
            name, network, demand.demand(), String.join(", ", routeNames), Sha256.hex(net),
            Sha256.hex(all.toByteArray()), router);
    return new Loaded(scenario, sumo, beginSeconds, endSeconds, demand.droppedBeforeBegin());
  }

  /**
   * The network with each signal plan rotated to SUMO's position at {@code beginSeconds} (see the
   * class comment). Other controllers see the same set of phases (a split phase appears twice).
   */
  public static RoadNetwork planAt(SumoNetwork sumo, double beginSeconds) {
    RoadNetwork net = sumo.network();
    List<Intersection> out = new ArrayList<>(net.intersections().size());
    boolean changed = false;
    for (Intersection in : net.intersections()) {
      String tl = sumo.junctionPrograms().get(in.id());
      SignalProgram program = tl == null ? null : sumo.programs().get(tl);
      if (program == null || !in.signalized()) {
        out.add(in);
        continue;
      }
      List<Phase> phases = rotate(in.phases(), program.cycleSeconds(), beginSeconds - program.offsetSeconds());
      changed |= !phases.equals(in.phases());
      out.add(new Intersection(in.id(), in.point(), in.widthMeters(), in.virtual(), in.roadIds(), in.roadLinks(), phases));
    }
    return changed ? new RoadNetwork(out, net.roads(), net.geoReference().orElse(null)) : net;
  }

  /** The phases starting {@code time mod cycle} seconds into the cycle, splitting a phase if needed. */
  static List<Phase> rotate(List<Phase> phases, double cycle, double time) {
    if (!(cycle > 0)) {
      return phases;
    }
    double pos = ((time % cycle) + cycle) % cycle;
    double start = 0;
    for (int k = 0; k < phases.size(); k++) {
      Phase p = phases.get(k);
      double end = start + p.timeSeconds();
      if (pos < end - 1e-9) {
        double elapsed = pos - start;
        List<Phase> out = new ArrayList<>();
        if (elapsed > 1e-9) {
          out.add(new Phase(p.timeSeconds() - elapsed, p.availableRoadLinks(), p.yellow()));
        } else {
          out.add(p);
        }
        for (int j = 1; j < phases.size(); j++) {
          out.add(phases.get((k + j) % phases.size()));
        }
        if (elapsed > 1e-9) {
          out.add(new Phase(elapsed, p.availableRoadLinks(), p.yellow()));
        }
        return out;
      }
      start = end;
    }
    return phases;
  }
}
