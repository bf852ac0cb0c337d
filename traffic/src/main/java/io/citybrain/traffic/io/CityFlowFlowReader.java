package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static io.citybrain.traffic.io.JsonFields.element;
import static io.citybrain.traffic.io.JsonFields.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.io.JsonFields.NumberRule;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CityFlow flow file (CityFlow documentation, "Flow File Format", {@code flow.rst}; loader
 * {@code Engine::loadFlow} in {@code src/engine/engine.cpp}) into a {@link Demand}, checking every
 * flow against the road network and reporting all problems found together.
 *
 * <h2>Format</h2>
 *
 * A JSON array of flow objects. Flow {@code i} gets the id {@code flow_<i>}, as in CityFlow.
 *
 * <table>
 *   <caption>Members of a flow</caption>
 *   <tr><th>member</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>{@code vehicle.length}, {@code width}</td><td>m</td><td>&gt; 0</td></tr>
 *   <tr><td>{@code vehicle.maxPosAcc}, {@code maxNegAcc}, {@code usualPosAcc}, {@code
 *     usualNegAcc}</td><td>m/s²</td><td>&gt; 0 (decelerations are positive numbers)</td></tr>
 *   <tr><td>{@code vehicle.maxSpeed}</td><td>m/s</td><td>&gt; 0</td></tr>
 *   <tr><td>{@code vehicle.minGap}</td><td>m</td><td>&ge; 0</td></tr>
 *   <tr><td>{@code vehicle.headwayTime}</td><td>s</td><td>&ge; 0</td></tr>
 *   <tr><td>{@code route}</td><td>-</td><td>a non-empty array of road ids; each road reachable
 *     from the one before it (directly, or through other roads: the simulator then inserts the
 *     shortest path, see {@link Router})</td></tr>
 *   <tr><td>{@code interval}</td><td>s</td><td>&gt; 0: time between two vehicles</td></tr>
 *   <tr><td>{@code startTime}</td><td>s</td><td>&ge; 0, default 0</td></tr>
 *   <tr><td>{@code endTime}</td><td>s</td><td>&ge; {@code startTime}, or -1 (the default) for no
 *     end; vehicles are created in {@code [startTime, endTime]}, both included</td></tr>
 *   <tr><td>{@code emergency}</td><td>-</td><td>optional boolean, default false (our
 *     extension)</td></tr>
 * </table>
 *
 * All numbers must be finite and within the plausible ranges of {@link InputLimits}. Members not
 * listed are ignored.
 *
 * <h2>Differences from CityFlow</h2>
 *
 * <ul>
 *   <li><b>Single-road routes are valid here.</b> A route of one road (or of one road repeated)
 *       describes a vehicle that drives along that road and leaves the network at its end.
 *       CityFlow requires at least two roads after route completion and silently creates no
 *       vehicle for such a flow; we accept it because a one-road trip is a meaningful demand (a
 *       detector count on an arterial without turns, or a test of a single road).
 *   <li><b>{@code emergency}</b> (our extension): {@code true} marks the flow's vehicles as
 *       emergency vehicles, which signal controllers may give priority. CityFlow ignores the
 *       member, so files using it still load there.
 *   <li>CityFlow reads {@code startTime} and {@code endTime} as integers and silently uses the
 *       defaults for other numbers; this reader accepts any finite number and reports the rest.
 *   <li>CityFlow does not check the vehicle parameters, the times, or whether a route can be
 *       driven before the simulation runs; this reader does, at load time.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Malformed JSON gives one {@link InputProblem} at {@code line L, column C}. Otherwise every
 * problem is reported with a JSON path such as {@code flow[12].route[3]} (the root array is called
 * {@code flow}) and all are thrown together.
 */
public final class CityFlowFlowReader {
  private static final String ROOT = "flow";
  private static final NumberRule END_TIME =
      new NumberRule("-1 (no end) or a finite number >= 0", d -> d == -1 || d >= 0);
  private static final String[] POSITIVE_VEHICLE_FIELDS = {
    "length", "width", "maxPosAcc", "maxNegAcc", "usualPosAcc", "usualNegAcc", "maxSpeed"
  };

  /** The plausible range of each of {@link #POSITIVE_VEHICLE_FIELDS}. */
  private static final InputLimits.Range[] POSITIVE_VEHICLE_RANGES = {
    InputLimits.VEHICLE_SIZE_METERS,
    InputLimits.VEHICLE_SIZE_METERS,
    InputLimits.ACCELERATION_METERS_PER_SECOND2,
    InputLimits.ACCELERATION_METERS_PER_SECOND2,
    InputLimits.ACCELERATION_METERS_PER_SECOND2,
    InputLimits.ACCELERATION_METERS_PER_SECOND2,
    InputLimits.VEHICLE_SPEED_METERS_PER_SECOND
  };

  private final Router router;
  private final JsonFields fields;

  private CityFlowFlowReader(Router router, JsonFields fields) {
    this.router = router;
    this.fields = fields;
  }

  /**
   * Reads and checks a flow file against {@code network}, building a {@link Router} for it. When a
   * router for the network already exists, pass it instead ({@link #read(Path, Router)}).
   *
   * @param file the flow JSON; problems name it as {@code file.toString()}
   * @param network the network the routes refer to
   * @return the flows in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static Demand read(Path file, RoadNetwork network) throws InputValidationException, IOException {
    return read(file, new Router(network));
  }

  /**
   * Reads and checks a flow file (see {@link #read(Path, RoadNetwork)}) using an existing router.
   *
   * @param file the flow JSON; problems name it as {@code file.toString()}
   * @param router the router of the network the routes refer to
   * @return the flows in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static Demand read(Path file, Router router) throws InputValidationException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), router);
    }
  }

  /**
   * Reads and checks a flow document from a stream (not closed) against {@code network}.
   *
   * @param in the flow JSON
   * @param fileName the name to give in problems
   * @param network the network the routes refer to
   * @return the flows in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static Demand read(InputStream in, String fileName, RoadNetwork network)
      throws InputValidationException, IOException {
    return read(in, fileName, new Router(network));
  }

  /**
   * Reads and checks a flow document from a stream (not closed) using an existing router.
   *
   * @param in the flow JSON
   * @param fileName the name to give in problems
   * @param router the router of the network the routes refer to
   * @return the flows in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static Demand read(InputStream in, String fileName, Router router)
      throws InputValidationException, IOException {
    JsonNode root = JsonFiles.parse(in, fileName);
    JsonFields fields = new JsonFields(fileName);
    if (!root.isArray()) {
      fields.report(ROOT, "the flow file is " + JsonFields.describe(root) + "; expected an array of flow objects");
      fields.throwIfAny();
    }
    CityFlowFlowReader reader = new CityFlowFlowReader(router, fields);
    List<Flow> flows = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      flows.add(reader.flow(root.get(i), element(ROOT, i), "flow_" + i));
    }
    fields.throwIfAny();
    return new Demand(flows);
  }

  private Flow flow(JsonNode value, String path, String id) {
    String owner = "flow '" + id + "'";
    JsonNode node = fields.object(value, path, owner, "the flow", "a flow object {vehicle, route, interval, ...}");
    if (node == null) {
      return null;
    }
    VehicleType vehicle = vehicle(node, path, owner);
    List<String> route = route(node, path, owner);
    Double interval =
        fields.plausible(
            fields.number(node.get("interval"), member(path, "interval"), owner, "interval", NumberRule.POSITIVE),
            member(path, "interval"), owner, "interval", InputLimits.FLOW_INTERVAL_SECONDS);
    Double start =
        fields.optionalNumber(node.get("startTime"), member(path, "startTime"), owner, "startTime", NumberRule.NON_NEGATIVE, 0);
    Double end = fields.optionalNumber(node.get("endTime"), member(path, "endTime"), owner, "endTime", END_TIME, -1);
    if (start != null && end != null && end != -1 && start > end) {
      fields.report(
          member(path, "endTime"),
          owner + ": endTime " + number(end) + " is before startTime " + number(start)
              + "; expected endTime >= startTime, or -1 for no end");
    }
    Boolean emergency = fields.optionalBool(node.get("emergency"), member(path, "emergency"), owner, "emergency", false);
    if (vehicle == null || route == null || interval == null || start == null || end == null || emergency == null) {
      return null;
    }
    return new Flow(id, vehicle, route, interval, start, end, emergency);
  }

  private VehicleType vehicle(JsonNode node, String path, String owner) {
    String vehiclePath = member(path, "vehicle");
    JsonNode vehicle =
        fields.object(node.get("vehicle"), vehiclePath, owner, "vehicle", "an object with the vehicle's parameters");
    if (vehicle == null) {
      return null;
    }
    Double[] positive = new Double[POSITIVE_VEHICLE_FIELDS.length];
    boolean valid = true;
    for (int k = 0; k < positive.length; k++) {
      String field = POSITIVE_VEHICLE_FIELDS[k];
      positive[k] = fields.number(vehicle.get(field), member(vehiclePath, field), owner, "vehicle." + field, NumberRule.POSITIVE);
      positive[k] = fields.plausible(positive[k], member(vehiclePath, field), owner, "vehicle." + field, POSITIVE_VEHICLE_RANGES[k]);
      valid &= positive[k] != null;
    }
    Double minGap =
        fields.plausible(
            fields.number(vehicle.get("minGap"), member(vehiclePath, "minGap"), owner, "vehicle.minGap", NumberRule.NON_NEGATIVE),
            member(vehiclePath, "minGap"), owner, "vehicle.minGap", InputLimits.MIN_GAP_METERS);
    Double headway =
        fields.plausible(
            fields.number(
                vehicle.get("headwayTime"), member(vehiclePath, "headwayTime"), owner, "vehicle.headwayTime", NumberRule.NON_NEGATIVE),
            member(vehiclePath, "headwayTime"), owner, "vehicle.headwayTime", InputLimits.HEADWAY_SECONDS);
    if (!valid || minGap == null || headway == null) {
      return null;
    }
    return new VehicleType(
        positive[0], positive[1], positive[2], positive[3], positive[4], positive[5], minGap, positive[6], headway);
  }

  private List<String> route(JsonNode node, String path, String owner) {
    String routePath = member(path, "route");
    JsonNode array = fields.array(node.get("route"), routePath, owner, "route", "a non-empty array of road ids");
    if (array == null) {
      return null;
    }
    if (array.isEmpty()) {
      fields.report(routePath, owner + ": route is empty; expected at least one road id");
      return null;
    }
    List<String> route = new ArrayList<>(array.size());
    boolean valid = true;
    String previous = null;
    for (int j = 0; j < array.size(); j++) {
      String entryPath = element(routePath, j);
      String roadId = fields.string(array.get(j), entryPath, owner, "route[" + j + "]");
      if (roadId != null && router.network().road(roadId).isEmpty()) {
        fields.report(
            entryPath, owner + ": route[" + j + "] '" + roadId + "' is not a road of the roadnet; expected a road id");
        roadId = null;
      }
      if (roadId != null && previous != null && !router.reachable(previous, roadId)) {
        fields.report(
            entryPath,
            owner + ": no path leads from road '" + previous + "' (route[" + (j - 1) + "]) to road '" + roadId
                + "' (route[" + j + "]); expected consecutive route roads to be joined by road links, directly or"
                + " through other roads");
        valid = false;
      }
      valid &= roadId != null;
      route.add(roadId);
      previous = roadId;
    }
    return valid ? route : null;
  }

  /** A number as users wrote it: {@code 20} rather than {@code 20.0}. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
