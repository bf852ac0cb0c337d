package io.citybrain.traffic.io.sumo;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.io.InputLimits;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.XmlTree;
import io.citybrain.traffic.io.XmlTree.Element;
import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads SUMO demand ({@code .rou.xml}, optionally gzipped; SUMO user documentation, "Definition of
 * Vehicles, Vehicle Types, and Routes") into citybrain's {@link Demand} for a network read by
 * {@link SumoNetReader}:
 *
 * <ul>
 *   <li>{@code <vType>}: SUMO's parameters mapped to {@link VehicleType} (length, width, {@code
 *       accel} as both accelerations, {@code decel} as both decelerations (SUMO's Krauss model
 *       assumes the leader brakes at {@code decel}), {@code minGap}, {@code maxSpeed}, {@code
 *       tau} as the headway time). Missing values take SUMO 1.15's defaults for the type's
 *       {@code vClass} ({@link #sumoDefaults}); {@code sigma} (driver imperfection) and {@code
 *       speedFactor}/{@code speedDev} are not modelled (see {@code docs/sumo-comparison.md}).
 *   <li>{@code <vehicle>} with a {@code route} attribute or a nested {@code <route edges>}: one
 *       vehicle on that complete route.
 *   <li>{@code <trip from to [via]>}: the route is the fastest path at free-flow speed (each step
 *       costs the internal lane's and the next edge's length over their speed limits), which is
 *       what SUMO's router gives a trip at insertion without rerouting devices.
 *   <li>{@code <flow>} with {@code begin}, {@code end} and one of {@code period}, {@code
 *       vehsPerHour}, {@code number} or {@code probability} (taken as one vehicle every 1/p s,
 *       deterministic), on a route or from/to.
 * </ul>
 *
 * <p>Times are shifted by the scenario's {@code begin} (the simulation starts at 0): a vehicle
 * departing at {@code depart} is created at {@code depart − begin}. Vehicles departing before
 * {@code begin} are dropped, as SUMO drops them when loading. Each vehicle becomes a flow of one
 * vehicle (id = the vehicle's id) so that every format shares one demand model.
 *
 * <p><b>Errors</b>, each at {@code line L, column C} of the element: malformed XML, a root that
 * is not {@code <routes>}, missing or invalid attributes, an unknown vType or route id, a route
 * naming an edge that is not in the network (or has no lane for passenger cars), consecutive route
 * edges that no connection joins, a trip whose destination cannot be reached.
 */
public final class SumoRouteReader {
  /** Interval of the one-vehicle flow a SUMO vehicle becomes, s: longer than any run. */
  public static final double SINGLE_VEHICLE_INTERVAL_SECONDS = 1e7;

  /** Latest creation after the departure time of a one-vehicle flow, s: the longest step. */
  private static final double SINGLE_VEHICLE_WINDOW_SECONDS = 10;

  /** How far before a SUMO flow's {@code end} its last vehicle may be created, s. */
  private static final double END_EXCLUSIVE_MARGIN_SECONDS = 1e-6;

  private final String file;
  private final SumoNetwork net;
  private final Router router;
  private final double begin;
  private final List<InputProblem> problems = new ArrayList<>();
  private final Map<String, VehicleType> types = new HashMap<>();
  private final Map<String, List<String>> routes = new HashMap<>();
  private final Set<String> dropped;
  private int droppedBeforeBegin;

  private SumoRouteReader(String file, SumoNetwork net, Router router, double begin) {
    this.file = file;
    this.net = net;
    this.router = router;
    this.begin = begin;
    this.dropped = new HashSet<>(net.droppedEdges());
    types.put("DEFAULT_VEHTYPE", sumoDefaults("passenger"));
  }

  /**
   * What a route file gave.
   *
   * @param demand the vehicles as one-vehicle flows (and SUMO flows as flows), times relative to
   *     {@code begin}
   * @param droppedBeforeBegin vehicles departing before {@code begin}, left out
   */
  public record Result(Demand demand, int droppedBeforeBegin) {}

  /**
   * Reads a route file.
   *
   * @param bytes the file's bytes
   * @param fileName its name, for problems
   * @param net the network the routes run on
   * @param router a router of {@code net.network()} built with {@link #travelTimeCost}
   * @param beginSeconds the scenario's begin time, s: departures are made relative to it
   * @throws InputValidationException with every problem found
   */
  public static Result read(byte[] bytes, String fileName, SumoNetwork net, Router router, double beginSeconds)
      throws InputValidationException {
    return read(List.of(bytes), List.of(fileName), net, router, beginSeconds);
  }

  /**
   * Reads several route files in order, as SUMO's {@code route-files} does: a vType or route
   * defined in one may be used by a later one; the demand is all files' vehicles in file order.
   *
   * @throws InputValidationException with every problem found in the first file that has any
   */
  public static Result read(List<byte[]> files, List<String> fileNames, SumoNetwork net, Router router, double beginSeconds)
      throws InputValidationException {
    SumoRouteReader reader = null;
    List<Flow> flows = new ArrayList<>();
    int dropped = 0;
    for (int k = 0; k < files.size(); k++) {
      Element root = XmlTree.parse(files.get(k), fileNames.get(k));
      SumoRouteReader next = new SumoRouteReader(fileNames.get(k), net, router, beginSeconds);
      if (reader != null) {
        next.types.putAll(reader.types);
        next.routes.putAll(reader.routes);
      }
      reader = next;
      Result r = reader.read(root);
      flows.addAll(r.demand().flows());
      dropped += r.droppedBeforeBegin();
    }
    return new Result(new Demand(flows), dropped);
  }

  /**
   * SUMO's travel-time routing cost ({@link Router.StepCost}): the time to drive the road link's
   * path (its mean lane-link length over its speed limit, or the entered road's speed when it has
   * none) plus the entered road at its speed limit, s.
   */
  public static Router.StepCost travelTimeCost(RoadNetwork network) {
    return (from, via, to) -> {
      double roadSpeed = maxLaneSpeed(to);
      Intersection at = network.intersection(from.endIntersectionId()).orElseThrow();
      double linkSeconds = 0;
      for (LaneLink ll : via.laneLinks()) {
        double len = Geometry.polylineLength(Geometry.laneLinkPolyline(network, at, via, ll));
        linkSeconds += len / (ll.hasSpeedLimit() ? ll.maxSpeedMetersPerSecond() : roadSpeed);
      }
      linkSeconds /= Math.max(1, via.laneLinks().size());
      return linkSeconds + Geometry.averageLaneLengthMeters(network, to) / roadSpeed;
    };
  }

  private static double maxLaneSpeed(Road road) {
    double v = 0;
    for (var lane : road.lanes()) {
      v = Math.max(v, lane.maxSpeedMetersPerSecond());
    }
    return v;
  }

  /**
   * SUMO 1.15's vehicle-class defaults (SUMO documentation, "Vehicle Type Parameter Defaults"):
   * passenger cars 5 m long, 1.8 m wide, accel 2.6, decel 4.5 m/s², minGap 2.5 m, 55.56 m/s, tau
   * 1 s; buses 12 m, 2.5 m wide, accel 1.2, decel 4.0, 27.78 m/s; trucks 7.1 m, 2.4 m wide, accel
   * 1.3, decel 4.0, 36.11 m/s; other classes as passenger cars.
   */
  public static VehicleType sumoDefaults(String vClass) {
    return switch (vClass) {
      case "bus", "coach" -> new VehicleType(12, 2.5, 1.2, 4.0, 1.2, 4.0, 2.5, 27.78, 1);
      case "truck", "trailer", "delivery" -> new VehicleType(7.1, 2.4, 1.3, 4.0, 1.3, 4.0, 2.5, 36.11, 1);
      default -> new VehicleType(5, 1.8, 2.6, 4.5, 2.6, 4.5, 2.5, 55.56, 1);
    };
  }

  private Result read(Element root) throws InputValidationException {
    if (!root.name().equals("routes")) {
      throw new InputValidationException(
          new InputProblem(file, root.location(), "root element is <" + root.name() + ">; expected SUMO demand <routes>"));
    }
    List<Flow> flows = new ArrayList<>();
    for (Element e : root.children()) {
      switch (e.name()) {
        case "vType" -> vType(e);
        case "route" -> {
          String id = required(e, "id");
          List<String> edges = edges(e);
          if (id != null && edges != null) {
            routes.put(id, edges);
          }
        }
        case "vehicle", "trip" -> vehicle(e, flows);
        case "flow" -> flow(e, flows);
        default -> {
          // vTypeDistribution, person, container, interval ...: not demand for cars
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new Result(new Demand(flows), droppedBeforeBegin);
  }

  private void vType(Element e) {
    String id = required(e, "id");
    if (id == null) {
      return;
    }
    VehicleType d = sumoDefaults(e.attribute("vClass", "passenger"));
    double length = value(e, "length", d.lengthMeters(), InputLimits.VEHICLE_SIZE_METERS);
    double width = value(e, "width", d.widthMeters(), InputLimits.VEHICLE_SIZE_METERS);
    double accel = value(e, "accel", d.maxPosAccMetersPerSecond2(), InputLimits.ACCELERATION_METERS_PER_SECOND2);
    double decel = value(e, "decel", d.usualNegAccMetersPerSecond2(), InputLimits.ACCELERATION_METERS_PER_SECOND2);
    double minGap = value(e, "minGap", d.minGapMeters(), InputLimits.MIN_GAP_METERS);
    double maxSpeed = value(e, "maxSpeed", d.maxSpeedMetersPerSecond(), InputLimits.VEHICLE_SPEED_METERS_PER_SECOND);
    double tau = value(e, "tau", d.headwayTimeSeconds(), InputLimits.HEADWAY_SECONDS);
    types.put(id, new VehicleType(length, width, accel, decel, accel, decel, minGap, maxSpeed, tau));
  }

  private double value(Element e, String key, double fallback, InputLimits.Range range) {
    String v = e.attributes().get(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!range.contains(d) || !(d > 0 || key.equals("minGap") || key.equals("tau"))) {
        problem(e, e.describe() + " " + key + "=\"" + v + "\"; expected " + (range.contains(d) ? "more than 0" : range.expectation(d)));
        return fallback;
      }
      return d;
    } catch (NumberFormatException ex) {
      problem(e, e.describe() + " " + key + "=\"" + v + "\" is not a number; expected a number in " + range.unit());
      return fallback;
    }
  }

  private void vehicle(Element e, List<Flow> flows) {
    String id = required(e, "id");
    double depart = time(e, "depart");
    VehicleType type = type(e);
    Optional<List<String>> route = route(e);
    if (id == null || Double.isNaN(depart) || type == null || route.isEmpty()) {
      return;
    }
    if (depart < begin) {
      droppedBeforeBegin++;
      return;
    }
    double t = depart - begin;
    flows.add(new Flow(id, type, route.get(), SINGLE_VEHICLE_INTERVAL_SECONDS, t, t + SINGLE_VEHICLE_WINDOW_SECONDS));
  }

  private void flow(Element e, List<Flow> flows) {
    String id = required(e, "id");
    double flowBegin = e.attributes().containsKey("begin") ? time(e, "begin") : begin;
    double flowEnd = e.attributes().containsKey("end") ? time(e, "end") : flowBegin + 86_400;
    VehicleType type = type(e);
    Optional<List<String>> route = route(e);
    double interval = Double.NaN;
    if (e.attributes().containsKey("period")) {
      interval = time(e, "period");
    } else if (e.attributes().containsKey("vehsPerHour")) {
      double vph = time(e, "vehsPerHour");
      interval = vph > 0 ? 3600 / vph : Double.NaN;
    } else if (e.attributes().containsKey("number")) {
      double n = time(e, "number");
      interval = n > 0 ? (flowEnd - flowBegin) / n : Double.NaN;
    } else if (e.attributes().containsKey("probability")) {
      double p = time(e, "probability");
      interval = p > 0 && p <= 1 ? 1 / p : Double.NaN;
    } else {
      problem(e, e.describe() + " gives no rate; expected one of period, vehsPerHour, number, probability");
      return;
    }
    if (id == null || type == null || route.isEmpty() || Double.isNaN(flowBegin) || Double.isNaN(flowEnd)) {
      return;
    }
    if (!(interval >= InputLimits.FLOW_INTERVAL_SECONDS.min())) {
      problem(e, e.describe() + " makes one vehicle every " + interval + " s; expected at least " + InputLimits.FLOW_INTERVAL_SECONDS.min() + " s between vehicles");
      return;
    }
    if (flowEnd < begin) {
      return;
    }
    double start = Math.max(flowBegin, begin) - begin;
    // SUMO's flow end is exclusive (no vehicle at end); the model's endTime is inclusive
    flows.add(new Flow(id, type, route.get(), interval, start, flowEnd - begin - END_EXCLUSIVE_MARGIN_SECONDS));
  }

  private VehicleType type(Element e) {
    String id = e.attribute("type", "DEFAULT_VEHTYPE");
    VehicleType t = types.get(id);
    if (t == null) {
      problem(e, e.describe() + " has type=\"" + id + "\", which is not defined before it; expected a <vType id=\"" + id + "\">");
    }
    return t;
  }

  /** The complete route of a vehicle, trip or flow; empty (with a problem) when it has none. */
  private Optional<List<String>> route(Element e) {
    String routeId = e.attribute("route", null);
    if (routeId != null) {
      List<String> r = routes.get(routeId);
      if (r == null) {
        problem(e, e.describe() + " has route=\"" + routeId + "\", which is not defined before it; expected a <route id=\"" + routeId + "\">");
        return Optional.empty();
      }
      return Optional.of(r);
    }
    List<Element> nested = e.children("route");
    if (!nested.isEmpty()) {
      return Optional.ofNullable(edges(nested.get(0)));
    }
    String from = e.attribute("from", null);
    String to = e.attribute("to", null);
    if (from == null || to == null) {
      problem(e, e.describe() + " has no route; expected route=\"ID\", a nested <route edges=\"...\">, or from and to edges");
      return Optional.empty();
    }
    List<String> anchors = new ArrayList<>();
    anchors.add(from);
    String via = e.attribute("via", "").trim();
    if (!via.isEmpty()) {
      anchors.addAll(List.of(via.split("\\s+")));
    }
    anchors.add(to);
    for (String edge : anchors) {
      if (!knownEdge(e, edge)) {
        return Optional.empty();
      }
    }
    List<String> full = new ArrayList<>();
    full.add(from);
    for (int k = 1; k < anchors.size(); k++) {
      Optional<List<Road>> leg = router.shortestPath(anchors.get(k - 1), anchors.get(k));
      if (leg.isEmpty()) {
        problem(e, e.describe() + ": no path from edge '" + anchors.get(k - 1) + "' to edge '" + anchors.get(k) + "'; expected a destination reachable through the network's connections");
        return Optional.empty();
      }
      for (Road r : leg.get().subList(1, leg.get().size())) {
        full.add(r.id());
      }
    }
    return Optional.of(List.copyOf(full));
  }

  /** The edges of a {@code <route>}, checked; null (with a problem) when invalid. */
  private List<String> edges(Element route) {
    String text = required(route, "edges");
    if (text == null) {
      return null;
    }
    List<String> edges = List.of(text.trim().split("\\s+"));
    if (text.isBlank()) {
      problem(route, "<route> has no edges; expected at least one edge id");
      return null;
    }
    for (String edge : edges) {
      if (!knownEdge(route, edge)) {
        return null;
      }
    }
    for (int k = 1; k < edges.size(); k++) {
      if (!router.connected(edges.get(k - 1), edges.get(k))) {
        problem(route, "route edge '" + edges.get(k - 1) + "' (position " + (k - 1) + ") does not lead to edge '" + edges.get(k) + "'; expected consecutive edges joined by a connection for passenger cars");
        return null;
      }
    }
    return edges;
  }

  private boolean knownEdge(Element e, String edge) {
    if (net.network().road(edge).isPresent()) {
      return true;
    }
    if (dropped.contains(edge)) {
      problem(e, e.describe() + " uses edge '" + edge + "', which has no lane for passenger cars; expected edges cars may drive");
    } else {
      problem(e, e.describe() + " uses edge '" + edge + "', which is not in the network; expected an edge id of the network");
    }
    return false;
  }

  private double time(Element e, String key) {
    String v = required(e, key);
    if (v == null) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d) || d < 0) {
        problem(e, e.describe() + " " + key + "=\"" + v + "\"; expected a number >= 0");
        return Double.NaN;
      }
      return d;
    } catch (NumberFormatException ex) {
      problem(e, e.describe() + " " + key + "=\"" + v + "\" is not a number; expected seconds >= 0"
          + (key.equals("depart") ? " (triggered and containerTriggered departures are not supported)" : ""));
      return Double.NaN;
    }
  }

  private String required(Element e, String key) {
    String v = e.attributes().get(key);
    if (v == null) {
      problem(e, e.describe() + " has no " + key + "; expected a " + key + " attribute");
    }
    return v;
  }

  private void problem(Element e, String message) {
    problems.add(new InputProblem(file, e.location(), message));
  }
}
