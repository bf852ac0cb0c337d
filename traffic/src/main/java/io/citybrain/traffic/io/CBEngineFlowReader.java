package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.io.CBEngineText.Line;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CBEngine flow file (the KDD Cup 2021 City Brain Challenge's text format, documented in
 * the challenge's {@code docs/cbengine.rst} and {@code Flow file format.md}) into a {@link Demand},
 * checking every flow against the road network and reporting all problems found together.
 *
 * <h2>Format</h2>
 *
 * A count line {@code n}, then per flow three lines (blank lines and {@code //} comments ignored,
 * fields separated by blanks):
 *
 * <ol>
 *   <li>{@code start end interval}: s; start &ge; 0, end &ge; start, interval &gt; 0;
 *   <li>{@code k}: the number of roads in the route, &ge; 1;
 *   <li>{@code k} road ids: the complete route, each road leading directly to the next (joined at
 *       its end intersection by a movement that some lane of it may make).
 * </ol>
 *
 * <h2>Model</h2>
 *
 * Flow {@code i} (0-based, file order) becomes a {@link Flow} with id {@code flow_<i>} and
 * CityFlow's semantics: one vehicle at {@code start}, then one every {@code interval} s while the
 * clock is at most {@code end}. CBEngine files carry no vehicle parameters; every vehicle is
 * {@link #VEHICLE} (see {@code docs/formats.md}).
 *
 * <h2>Errors</h2>
 *
 * Every problem is an {@link InputProblem} at {@code line N}: wrong field counts, non-numeric
 * values, {@code start > end}, {@code interval <= 0}, a route whose length differs from its
 * count, a route road that is not in the network, two consecutive route roads that are not
 * joined, and a flow count that does not match the flows in the file. All are thrown together.
 */
public final class CBEngineFlowReader {
  /**
   * The vehicle of CBEngine scenarios: length 5 m, width 2 m, maxPosAcc 2 m/s², maxNegAcc 4.5
   * m/s², usualPosAcc 2 m/s², usualNegAcc 4.5 m/s², minGap 2.5 m, maxSpeed 22.22 m/s (the highest
   * speed limit of the Nanchang network, so that road limits govern), headwayTime 2 s — the
   * research datasets' vehicle with a higher top speed.
   */
  public static final VehicleType VEHICLE = new VehicleType(5, 2, 2, 4.5, 2, 4.5, 2.5, 22.22, 2);

  private final CBEngineText text;
  private final Router router;

  private CBEngineFlowReader(CBEngineText text, Router router) {
    this.text = text;
    this.router = router;
  }

  /**
   * Reads and checks a CBEngine flow file.
   *
   * @param file the flow text; problems name it as {@code file.toString()}
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
   * Reads and checks a CBEngine flow file from a stream (UTF-8 text, not closed) against {@code
   * network}.
   *
   * @param in the flow text
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
   * Reads and checks a CBEngine flow file from a stream (UTF-8 text, not closed) using an existing
   * router.
   *
   * @param in the flow text
   * @param fileName the name to give in problems
   * @param router the router of the network the routes refer to
   * @return the flows in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static Demand read(InputStream in, String fileName, Router router)
      throws InputValidationException, IOException {
    CBEngineFlowReader reader = new CBEngineFlowReader(CBEngineText.read(in, fileName), router);
    List<Flow> flows = reader.flows();
    reader.text.throwIfAny();
    return new Demand(flows);
  }

  private List<Flow> flows() {
    int n = text.count("flows", "flow file", null);
    if (n < 0) {
      return List.of();
    }
    // the count comes from the file: a wrong one must not allocate (2,000,000,000 ran out of memory)
    List<Flow> flows = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      Line times = text.take();
      Line count = text.take();
      Line route = text.take();
      if (route == null) {
        text.report(
            text.endLocation(),
            "the file ends " + (times == null ? "after " + i + " of the " + n + " flows its count announces"
                : "inside flow " + i + " (begun on line " + times.number() + ")")
                + "; expected " + n + " flows of 3 lines each (start end interval; number of roads; road ids)");
        return flows;
      }
      flows.add(flow(i, times, count, route));
    }
    Line extra = text.peek();
    if (extra != null) {
      text.report(
          extra,
          "unexpected content after the " + n + " flows the count on the first line announces; expected the end"
              + " of the file (is the flow count right?)");
    }
    return flows;
  }

  private Flow flow(int index, Line times, Line count, Line routeLine) {
    String owner = "flow " + index + " (flow_" + index + ")";
    int before = text.problemCount();
    Double start = null;
    Double end = null;
    Double interval = null;
    if (text.expectFields(times, 3, owner + ": start time, end time, interval (s)")) {
      start = text.number(times, 0, owner + ": start time");
      end = text.number(times, 1, owner + ": end time");
      interval = text.number(times, 2, owner + ": interval");
      if (start != null && start < 0) {
        text.report(times, owner + ": start time is " + CBEngineText.number(start) + "; expected a time in s >= 0");
      }
      if (start != null && end != null && start > end) {
        text.report(
            times,
            owner + ": start time " + CBEngineText.number(start) + " is after end time " + CBEngineText.number(end)
                + "; expected start <= end");
      }
      if (interval != null && interval <= 0) {
        text.report(times, owner + ": interval is " + CBEngineText.number(interval) + "; expected a time in s > 0");
      } else if (interval != null && !InputLimits.FLOW_INTERVAL_SECONDS.contains(interval)) {
        text.report(times, owner + ": interval is " + CBEngineText.number(interval) + "; expected "
            + InputLimits.FLOW_INTERVAL_SECONDS.expectation(interval));
      }
    }
    Long k = null;
    if (text.expectFields(count, 1, owner + ": the number of roads in the route")) {
      k = text.integer(count, 0, owner + ": the number of roads in the route");
      if (k != null && k < 1) {
        text.report(count, owner + ": the number of roads in the route is " + k + "; expected at least 1");
        k = null;
      }
    }
    List<String> route = route(owner, routeLine, k);
    if (text.problemCount() > before) {
      return null;
    }
    return new Flow("flow_" + index, VEHICLE, route, interval, start, end);
  }

  private List<String> route(String owner, Line line, Long declared) {
    String[] f = line.fields();
    if (declared != null && f.length != declared) {
      text.report(
          line,
          owner + ": the route has " + f.length + (f.length == 1 ? " road" : " roads") + " but the line before"
              + " announces " + declared + "; expected " + declared + " road ids");
    }
    RoadNetwork network = router.network();
    List<String> route = new ArrayList<>(f.length);
    Road previous = null;
    for (int j = 0; j < f.length; j++) {
      String id = text.id(line, j, owner + ": route road " + (j + 1));
      Road road = id == null ? null : network.road(id).orElse(null);
      if (id != null && road == null) {
        text.report(line, owner + ": route road " + (j + 1) + " is " + id + ", which is not a road of the roadnet;"
            + " expected a road id");
      }
      if (previous != null && road != null && !router.connected(previous.id(), road.id())) {
        text.report(line, owner + ": route road " + j + " (" + previous.id() + ") does not lead to route road "
            + (j + 1) + " (" + road.id() + "): " + whyNotJoined(previous, road)
            + "; expected each road to lead directly to the next");
      }
      route.add(id);
      previous = road;
    }
    return route;
  }

  private static String whyNotJoined(Road from, Road to) {
    if (!from.endIntersectionId().equals(to.startIntersectionId())) {
      return "road " + from.id() + " ends at intersection " + from.endIntersectionId() + " but road " + to.id()
          + " starts at intersection " + to.startIntersectionId();
    }
    if (from.startIntersectionId().equals(to.endIntersectionId())) {
      return "that is a U-turn back to intersection " + from.startIntersectionId() + ", which is not a movement there";
    }
    return "no lane of road " + from.id() + " may make that movement at intersection " + from.endIntersectionId();
  }
}
