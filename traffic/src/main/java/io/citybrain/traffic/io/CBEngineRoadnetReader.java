package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.CBEngineText.Line;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CBEngine roadnet file (the KDD Cup 2021 City Brain Challenge's text format, documented
 * in the challenge's {@code docs/cbengine.rst} and {@code Roadnet File Format.md}) into the same
 * {@link RoadNetwork} as a CityFlow roadnet, checking it as a whole and reporting every problem
 * found together. {@code docs/formats.md} gives the format and every modelling choice with its
 * reason; this is a summary.
 *
 * <h2>Format</h2>
 *
 * Three sections, each a count line followed by that many records; one record per line, fields
 * separated by blanks, {@code //} comments and blank lines ignored:
 *
 * <ol>
 *   <li><b>Intersections</b>: {@code latitude longitude id signalised}: degrees (−90..90,
 *       −180..180), an integer id, 0 or 1.
 *   <li><b>Road records</b>: {@code from to length speedLimit lanes1 lanes2 id1 id2} (length in m
 *       &gt; 0, speed limit in m/s &gt; 0, lane counts &ge; 1), then two lines of lane
 *       permissions, one for each direction: 3 digits (0/1) per lane, lane 0 (innermost) first,
 *       each triple {@code left straight right}. Road {@code id1} runs from {@code from} to {@code
 *       to}, road {@code id2} back.
 *   <li><b>Signals</b>: {@code id road1 road2 road3 road4}: the roads of approaches north, east,
 *       south, west (clockwise), −1 for a missing approach. The challenge's files list the road
 *       that leaves the intersection towards the approach; a road that enters from it is accepted
 *       too.
 * </ol>
 *
 * Ids are integers and are kept in canonical decimal form ({@code 007} is {@code 7}).
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li>Positions are projected to metres with an equirectangular projection about the mean
 *       latitude φ0 and mean longitude λ0 of all intersections: x = R·(λ−λ0)·cos φ0, y = R·(φ−φ0),
 *       angles in radians, R = {@value #EARTH_RADIUS_METERS} m (mean Earth radius). Each road is a
 *       straight line between its intersections' points. The network keeps this projection as
 *       its {@link io.citybrain.traffic.network.GeoReference}.
 *   <li>Lane lengths are the declared road length ({@link Road#lengthMeters()}): in the
 *       challenge's data declared lengths and straight-line distances disagree widely, and the
 *       declared one is what the challenge's engine drives. Geometry serves for drawing, lane-link
 *       curves and turn directions only.
 *   <li>Lanes are {@value #LANE_WIDTH_METERS} m wide; their speed limit is the road's.
 *   <li>An intersection touched by at most one road record (a dead end: one road in, its reverse
 *       out) is virtual, a boundary node. Others are non-virtual with width {@value
 *       #INTERSECTION_WIDTH_METERS} m (narrowed to 0.4 times its shortest road's straight-line
 *       length when that is shorter, so that trimming leaves every road drawable).
 *   <li>A non-virtual intersection with flag 1 and a signal line is signalised. Approach a
 *       (0-based, clockwise from north) has an incoming road (the listed road if it ends here,
 *       else the listed road's reverse) and an outgoing road (the other one). A vehicle from
 *       approach a turns left onto approach (a+1) mod 4, goes straight onto (a+2) mod 4, turns
 *       right onto (a+3) mod 4. It gets 9 phases, as in the CityFlow research datasets: phase 0, a
 *       {@value #TRANSITION_SECONDS} s transition with only right turns green; phases 1–8 the
 *       challenge's phases 1–8 with every right turn also green, {@value #PHASE_SECONDS} s each: 1
 *       left turns of approaches 1 and 3, 2 through of 1 and 3, 3 left of 2 and 4, 4 through of 2
 *       and 4, 5 left and through of 1, 6 of 2, 7 of 3, 8 of 4. Movements that do not exist are
 *       absent from the phases.
 *   <li>Other non-virtual intersections (flag 0, or no signal line) are unsignalised priority
 *       junctions: no phases; every pair of incoming and outgoing road except the U-turn onto the
 *       reverse road is a movement, its type from the signed angle between the two roads'
 *       directions (|angle| &lt; {@value #STRAIGHT_LIMIT_DEGREES}°: straight, positive: left,
 *       negative: right).
 *   <li>Lane links: each incoming lane, for each movement its permissions allow, links to every
 *       lane of the outgoing road; no points (the simulator draws CityFlow's curves). A movement
 *       no lane permits is absent.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Every problem is an {@link InputProblem} located at {@code line N} naming what was found and
 * what was expected: wrong field counts, non-numeric values, out-of-range values, counts that do
 * not match the records, permission lines of the wrong length, unknown intersection or road ids,
 * duplicate ids, a signal line naming a road not at its intersection or leaving out one of its
 * roads, two roads at the same position. All are thrown together. A count line that cannot be read
 * ends the check (the records after it cannot be told apart).
 */
public final class CBEngineRoadnetReader {
  /** Mean Earth radius (IUGG), m: the projection's sphere. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Width of every lane, m (that of the CityFlow research datasets). */
  public static final double LANE_WIDTH_METERS = 4;

  /** Width of a non-virtual intersection, m (drawing, trimming and lane-link curves only). */
  public static final double INTERSECTION_WIDTH_METERS = 5;

  /** Duration of phases 1–8 in the roadnet's own plan, s. */
  public static final double PHASE_SECONDS = 30;

  /** Duration of the transition phase 0, s. */
  public static final double TRANSITION_SECONDS = 5;

  /** Turns sharper than this, in degrees, are left or right turns at unsignalised intersections. */
  public static final double STRAIGHT_LIMIT_DEGREES = 45;

  /** Share of a road's straight-line length an intersection may trim at most. */
  private static final double MAX_TRIM_SHARE = 0.4;

  /** Movement offsets from the incoming approach: left +1, straight +2, right +3 (clockwise). */
  private static final RoadLinkType[] TURNS = {RoadLinkType.TURN_LEFT, RoadLinkType.GO_STRAIGHT, RoadLinkType.TURN_RIGHT};

  private static final int[] TURN_OFFSETS = {1, 2, 3};

  /**
   * Green movements of the challenge's phases 1–8, as {approach (0-based), turn index into
   * {@link #TURNS}} pairs; right turns are added to every phase.
   */
  private static final int[][][] KDD_PHASES = {
    {{0, 0}, {2, 0}},
    {{0, 1}, {2, 1}},
    {{1, 0}, {3, 0}},
    {{1, 1}, {3, 1}},
    {{0, 0}, {0, 1}},
    {{1, 0}, {1, 1}},
    {{2, 0}, {2, 1}},
    {{3, 0}, {3, 1}},
  };

  private static final String[] APPROACH_NAMES = {"north", "east", "south", "west"};

  private static final String INTERSECTION_FIELDS = "latitude, longitude, intersection id, signalised (0 or 1)";
  private static final String ROAD_FIELDS =
      "from and to intersection ids, length (m), speed limit (m/s), lane counts of both directions, road ids of"
          + " both directions";
  private static final String SIGNAL_FIELDS = "intersection id and the road ids of approaches north, east, south, west (-1: none)";

  /** The projection {@link #project} used: the network keeps it, so maps can draw it geographically. */
  private io.citybrain.traffic.network.GeoReference geoReference;

  private record IntersectionRow(Line line, String id, double latitude, double longitude, boolean signalFlag) {}

  /** One direction of a road record. */
  private record DirectedRoad(
      Line line, String id, String from, String to, double length, double speed, int lanes, boolean[][] permissions,
      String reverseId) {}

  private record SignalRow(Line line, String intersectionId, String[] approaches) {}

  private final CBEngineText text;
  private final List<IntersectionRow> intersections = new ArrayList<>();
  private final Map<String, IntersectionRow> intersectionsById = new LinkedHashMap<>();
  private final List<DirectedRoad> roads = new ArrayList<>();
  private final Map<String, DirectedRoad> roadsById = new HashMap<>();
  private final Map<String, SignalRow> signals = new HashMap<>();

  /**
   * Set when an intersection line or road record could not be read far enough to know its id:
   * references to unknown ids are then not reported, as they may name the unreadable line.
   */
  private boolean intersectionsIncomplete;

  private boolean roadsIncomplete;

  private CBEngineRoadnetReader(CBEngineText text) {
    this.text = text;
  }

  /**
   * Reads and checks a CBEngine roadnet file.
   *
   * @param file the roadnet text; problems name it as {@code file.toString()}
   * @return the network: intersections in file order, roads in file order (each record's first
   *     direction, then its second)
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static RoadNetwork read(Path file) throws InputValidationException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads and checks a CBEngine roadnet from a stream (UTF-8 text, not closed).
   *
   * @param in the roadnet text
   * @param fileName the name to give in problems
   * @return the network, as {@link #read(Path)}
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static RoadNetwork read(InputStream in, String fileName) throws InputValidationException, IOException {
    CBEngineRoadnetReader reader = new CBEngineRoadnetReader(CBEngineText.read(in, fileName));
    reader.parse();
    reader.text.throwIfAny();
    Map<String, Point> points = reader.project(reader.intersections);
    RoadNetwork network = reader.build(points);
    reader.text.throwIfAny();
    return network;
  }

  // ------------------------------------------------------------------ parsing

  private void parse() {
    int n = text.count("intersections", "intersection section", null);
    if (n < 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      Line line = text.take();
      if (line == null) {
        endsEarly(i, n, "intersections");
        return;
      }
      if (line.fields().length == 1 || line.fields().length == 8) {
        text.report(
            line,
            "has " + line.fields().length + (line.fields().length == 1 ? " field" : " fields")
                + "; expected intersection " + (i + 1) + " of " + n + " (" + INTERSECTION_FIELDS + "). This looks"
                + " like the road section: the intersection count (" + n + ") is larger than the number of"
                + " intersection lines (" + i + ")");
        return;
      }
      intersectionLine(line);
    }
    int m = text.count("road records", "road section", "intersections");
    if (m < 0) {
      return;
    }
    for (int i = 0; i < m; i++) {
      Line line = text.take();
      if (line == null) {
        endsEarly(i, m, "road records");
        return;
      }
      if (line.fields().length == 1) {
        text.report(
            line,
            "has 1 field; expected road record " + (i + 1) + " of " + m + " (" + ROAD_FIELDS + "). This looks like"
                + " the signal section: the road record count (" + m + ") is larger than the number of road"
                + " records (" + i + ")");
        return;
      }
      Line dir1 = text.take();
      Line dir2 = text.take();
      if (dir2 == null) {
        text.report(
            text.endLocation(),
            "the file ends inside road record " + (i + 1) + " of " + m + " (begun on line " + line.number()
                + "); expected the record line and two lines of lane permissions");
        return;
      }
      roadRecord(line, dir1, dir2);
    }
    int s = text.count("signalised intersections", "signal section", "road records");
    if (s < 0) {
      return;
    }
    for (int i = 0; i < s; i++) {
      Line line = text.take();
      if (line == null) {
        endsEarly(i, s, "signal lines");
        return;
      }
      signalLine(line);
    }
    Line extra = text.peek();
    if (extra != null) {
      text.report(
          extra,
          "unexpected content after the " + s + " signal lines; expected the end of the file (check the counts"
              + " of intersections, road records and signals)");
    }
  }

  private void endsEarly(int found, int declared, String what) {
    text.report(
        text.endLocation(),
        "the file ends after " + found + " of the " + declared + " " + what + " its count announces; expected "
            + declared);
  }

  private void intersectionLine(Line line) {
    if (!text.expectFields(line, 4, INTERSECTION_FIELDS)) {
      intersectionsIncomplete = true;
      return;
    }
    Double lat = text.number(line, 0, "latitude");
    Double lon = text.number(line, 1, "longitude");
    String id = text.id(line, 2, "intersection id");
    Long flag = text.integer(line, 3, "signalised flag");
    if (lat != null && (lat < -90 || lat > 90)) {
      text.report(line, "latitude is " + CBEngineText.number(lat) + "; expected degrees in -90..90");
      lat = null;
    }
    if (lon != null && (lon < -180 || lon > 180)) {
      text.report(line, "longitude is " + CBEngineText.number(lon) + "; expected degrees in -180..180");
      lon = null;
    }
    if (flag != null && flag != 0 && flag != 1) {
      text.report(line, "signalised flag is " + flag + "; expected 0 (no signal) or 1 (signalised)");
      flag = null;
    }
    if (id == null) {
      intersectionsIncomplete = true;
      return;
    }
    if (intersectionsById.containsKey(id)) {
      text.report(
          line,
          "intersection " + id + " is defined twice (first on line " + intersectionsById.get(id).line().number()
              + "); expected unique intersection ids");
      intersectionsIncomplete = true;
      return;
    }
    // kept even when a value is invalid (the file is then rejected), so that references to it are
    // not reported as unknown
    IntersectionRow row =
        new IntersectionRow(line, id, lat == null ? Double.NaN : lat, lon == null ? Double.NaN : lon, Long.valueOf(1).equals(flag));
    intersections.add(row);
    intersectionsById.put(id, row);
  }

  private void roadRecord(Line line, Line perm1, Line perm2) {
    if (!text.expectFields(line, 8, ROAD_FIELDS)) {
      roadsIncomplete = true;
      return;
    }
    int before = text.problemCount();
    String from = intersectionRef(line, 0, "from intersection");
    String to = intersectionRef(line, 1, "to intersection");
    Double length = text.number(line, 2, "length");
    Double speed = text.number(line, 3, "speed limit");
    Integer lanes1 = laneCount(line, 4, "lane count of direction 1");
    Integer lanes2 = laneCount(line, 5, "lane count of direction 2");
    String id1 = text.id(line, 6, "road id of direction 1");
    String id2 = text.id(line, 7, "road id of direction 2");
    if (length != null && length <= 0) {
      text.report(line, "length is " + CBEngineText.number(length) + "; expected a length in m > 0");
    } else if (length != null && !InputLimits.ROAD_LENGTH_METERS.contains(length)) {
      text.report(line, "length is " + CBEngineText.number(length) + "; expected "
          + InputLimits.ROAD_LENGTH_METERS.expectation(length));
    }
    if (speed != null && speed <= 0) {
      text.report(line, "speed limit is " + CBEngineText.number(speed) + "; expected a speed in m/s > 0");
    } else if (speed != null && !InputLimits.LANE_SPEED_METERS_PER_SECOND.contains(speed)) {
      text.report(line, "speed limit is " + CBEngineText.number(speed) + "; expected "
          + InputLimits.LANE_SPEED_METERS_PER_SECOND.expectation(speed));
    }
    if (from != null && from.equals(to)) {
      text.report(line, "the road record starts and ends at intersection " + from + "; expected two different intersections");
    }
    if (id1 != null && id1.equals(id2)) {
      text.report(line, "both directions have road id " + id1 + "; expected two different road ids");
    }
    checkUniqueRoad(line, id1);
    checkUniqueRoad(line, id2);
    boolean[][] p1 = permissions(perm1, lanes1, id1, 1);
    boolean[][] p2 = permissions(perm2, lanes2, id2, 2);
    if (id1 == null || id2 == null) {
      roadsIncomplete = true;
      return;
    }
    // kept even when a value is invalid (the file is then rejected), so that references to it are
    // not reported as unknown
    DirectedRoad d1 = new DirectedRoad(line, id1, from, to, nan(length), nan(speed), zero(lanes1), p1, id2);
    DirectedRoad d2 = new DirectedRoad(line, id2, to, from, nan(length), nan(speed), zero(lanes2), p2, id1);
    if (text.problemCount() == before) {
      roads.add(d1);
      roads.add(d2);
    }
    roadsById.putIfAbsent(id1, d1);
    roadsById.putIfAbsent(id2, d2);
  }

  private static double nan(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }

  private String intersectionRef(Line line, int index, String name) {
    String id = text.id(line, index, name);
    if (id != null && !intersectionsById.containsKey(id)) {
      if (!intersectionsIncomplete) {
        text.report(line, name + " " + id + " is not an intersection of this roadnet; expected the id of one of its "
            + intersectionsById.size() + " intersections");
      }
      return null;
    }
    return id;
  }

  private Integer laneCount(Line line, int index, String name) {
    Long n = text.integer(line, index, name);
    if (n == null) {
      return null;
    }
    if (n < 1 || n > 100) {
      text.report(line, name + " is " + n + "; expected an integer in 1..100");
      return null;
    }
    return (int) (long) n;
  }

  private void checkUniqueRoad(Line line, String id) {
    if (id == null) {
      return;
    }
    DirectedRoad first = roadsById.get(id);
    if (first != null) {
      text.report(line, "road " + id + " is defined twice (first on line " + first.line().number()
          + "); expected unique road ids");
    }
  }

  /** A permission line: 3 digits per lane, {@code left straight right}; {@code null} after a problem. */
  private boolean[][] permissions(Line line, Integer lanes, String roadId, int direction) {
    String owner = "lane permissions of direction " + direction + (roadId == null ? "" : " (road " + roadId + ")");
    String[] f = line.fields();
    boolean valid = true;
    if (lanes != null && f.length != 3 * lanes) {
      text.report(
          line,
          owner + " have " + f.length + " values; expected " + 3 * lanes + ": 3 (left, straight, right; 0 or 1) for"
              + " each of its " + lanes + (lanes == 1 ? " lane" : " lanes"));
      valid = false;
    } else if (lanes == null && f.length % 3 != 0) {
      text.report(line, owner + " have " + f.length + " values; expected 3 (left, straight, right) per lane");
      valid = false;
    }
    for (int k = 0; k < f.length && valid; k++) {
      if (!f[k].equals("0") && !f[k].equals("1")) {
        text.report(line, owner + ": value " + (k + 1) + " is " + CBEngineText.quote(f[k]) + "; expected 0 or 1");
        valid = false;
      }
    }
    if (!valid || lanes == null) {
      return null;
    }
    boolean[][] p = new boolean[lanes][3];
    for (int k = 0; k < lanes; k++) {
      for (int t = 0; t < 3; t++) {
        p[k][t] = f[3 * k + t].equals("1");
      }
    }
    return p;
  }

  private void signalLine(Line line) {
    if (!text.expectFields(line, 5, SIGNAL_FIELDS)) {
      return;
    }
    int before = text.problemCount();
    String id = text.id(line, 0, "intersection id");
    if (id != null && !intersectionsById.containsKey(id)) {
      if (!intersectionsIncomplete) {
        text.report(line, "intersection " + id + " is not an intersection of this roadnet; expected the id of a"
            + " signalised intersection");
      }
      id = null;
    }
    if (id != null && signals.containsKey(id)) {
      text.report(line, "intersection " + id + " has a second signal line (first on line "
          + signals.get(id).line().number() + "); expected one signal line per intersection");
      id = null;
    }
    String[] approaches = new String[4];
    Map<String, Integer> recordApproach = new HashMap<>();
    for (int a = 0; a < 4; a++) {
      String name = "approach " + (a + 1) + " (" + APPROACH_NAMES[a] + ")";
      Long value = text.integer(line, a + 1, name);
      if (value == null || value == -1) {
        continue;
      }
      String roadId = Long.toString(value);
      DirectedRoad road = value < 0 ? null : roadsById.get(roadId);
      if (road == null) {
        if (!roadsIncomplete) {
          text.report(line, name + " is road " + value + ", which is not a road of this roadnet; expected a road"
              + " id or -1 for a missing approach");
        }
        continue;
      }
      if (road.from() == null || road.to() == null) {
        continue;
      }
      if (id != null && !road.from().equals(id) && !road.to().equals(id)) {
        text.report(line, name + " is road " + roadId + ", which runs from intersection " + road.from() + " to "
            + road.to() + "; expected a road that starts or ends at intersection " + id);
        continue;
      }
      String record = recordKey(road);
      Integer other = recordApproach.putIfAbsent(record, a);
      if (other != null) {
        text.report(line, name + " is road " + roadId + ", but approach " + (other + 1)
            + " already names this road or its reverse; expected each road of the intersection in one approach");
        continue;
      }
      approaches[a] = roadId;
    }
    if (id != null && text.problemCount() == before) {
      signals.put(id, new SignalRow(line, id, approaches));
    }
  }

  private static String recordKey(DirectedRoad road) {
    return road.id().compareTo(road.reverseId()) < 0 ? road.id() + "/" + road.reverseId() : road.reverseId() + "/" + road.id();
  }

  // ------------------------------------------------------------------ model

  /** Equirectangular projection about the mean latitude and longitude. */
  private Map<String, Point> project(List<IntersectionRow> rows) {
    double lat0 = 0;
    double lon0 = 0;
    for (IntersectionRow r : rows) {
      lat0 += r.latitude();
      lon0 += r.longitude();
    }
    lat0 /= Math.max(1, rows.size());
    lon0 /= Math.max(1, rows.size());
    geoReference = io.citybrain.traffic.network.GeoReference.equirectangular(lon0, lat0);
    double cos0 = Math.cos(Math.toRadians(lat0));
    Map<String, Point> points = new HashMap<>();
    for (IntersectionRow r : rows) {
      double x = EARTH_RADIUS_METERS * Math.toRadians(r.longitude() - lon0) * cos0;
      double y = EARTH_RADIUS_METERS * Math.toRadians(r.latitude() - lat0);
      points.put(r.id(), new Point(x, y));
    }
    return points;
  }

  private RoadNetwork build(Map<String, Point> points) {
    // roads touching each intersection, in file order; records per intersection
    Map<String, List<DirectedRoad>> roadsAt = new HashMap<>();
    Map<String, Integer> recordsAt = new HashMap<>();
    Map<String, Double> shortestAt = new HashMap<>();
    for (int i = 0; i < roads.size(); i += 2) {
      DirectedRoad d1 = roads.get(i);
      DirectedRoad d2 = roads.get(i + 1);
      double distance = points.get(d1.from()).distanceTo(points.get(d1.to()));
      if (distance == 0) {
        text.report(
            d1.line(),
            "intersections " + d1.from() + " and " + d1.to() + " of roads " + d1.id() + " and " + d2.id()
                + " are at the same position; expected distinct positions (a road needs a direction to be drawn"
                + " and to tell its turns)");
      }
      for (String end : List.of(d1.from(), d1.to())) {
        List<DirectedRoad> list = roadsAt.computeIfAbsent(end, k -> new ArrayList<>());
        list.add(d1);
        list.add(d2);
        recordsAt.merge(end, 1, Integer::sum);
        shortestAt.merge(end, distance, Math::min);
      }
    }
    List<Intersection> result = new ArrayList<>(intersections.size());
    for (IntersectionRow row : intersections) {
      List<DirectedRoad> here = roadsAt.getOrDefault(row.id(), List.of());
      boolean virtual = recordsAt.getOrDefault(row.id(), 0) <= 1;
      List<String> roadIds = here.stream().map(DirectedRoad::id).toList();
      if (virtual) {
        result.add(new Intersection(row.id(), points.get(row.id()), 0, true, roadIds, List.of(), List.of()));
        continue;
      }
      double width = Math.min(INTERSECTION_WIDTH_METERS, MAX_TRIM_SHARE * shortestAt.get(row.id()));
      SignalRow signal = signals.get(row.id());
      if (row.signalFlag() && signal != null) {
        result.add(signalised(row, points, width, roadIds, here, signal));
      } else {
        result.add(unsignalised(row, points, width, roadIds, here));
      }
    }
    List<Road> modelRoads = new ArrayList<>(roads.size());
    for (DirectedRoad d : roads) {
      List<Lane> lanes = new ArrayList<>(d.lanes());
      for (int k = 0; k < d.lanes(); k++) {
        lanes.add(new Lane(LANE_WIDTH_METERS, d.speed()));
      }
      modelRoads.add(new Road(d.id(), d.from(), d.to(), List.of(points.get(d.from()), points.get(d.to())), lanes, d.length()));
    }
    return text.problemCount() > 0 ? null : new RoadNetwork(result, modelRoads, geoReference);
  }

  private Intersection signalised(
      IntersectionRow row, Map<String, Point> points, double width, List<String> roadIds, List<DirectedRoad> here,
      SignalRow signal) {
    DirectedRoad[] in = new DirectedRoad[4];
    DirectedRoad[] out = new DirectedRoad[4];
    Set<String> listed = new HashSet<>();
    for (int a = 0; a < 4; a++) {
      if (signal.approaches()[a] == null) {
        continue;
      }
      DirectedRoad road = roadsById.get(signal.approaches()[a]);
      DirectedRoad reverse = roadsById.get(road.reverseId());
      boolean leaves = road.from().equals(row.id());
      out[a] = leaves ? road : reverse;
      in[a] = leaves ? reverse : road;
      listed.add(road.id());
      listed.add(reverse.id());
    }
    for (DirectedRoad d : here) {
      if (!listed.contains(d.id()) && d.to().equals(row.id())) {
        text.report(
            signal.line(),
            "the signal line of intersection " + row.id() + " leaves out road " + d.id() + " (and its reverse "
                + d.reverseId() + ", record on line " + d.line().number() + "); expected every road of a signalised"
                + " intersection in one of its 4 approaches");
      }
    }
    List<RoadLink> links = new ArrayList<>();
    int[][] linkIndex = new int[4][3];
    List<Integer> rights = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      for (int t = 0; t < 3; t++) {
        linkIndex[a][t] = -1;
        DirectedRoad target = out[(a + TURN_OFFSETS[t]) % 4];
        if (in[a] == null || target == null) {
          continue;
        }
        RoadLink link = roadLink(TURNS[t], in[a], target);
        if (link != null) {
          linkIndex[a][t] = links.size();
          if (t == 2) {
            rights.add(links.size());
          }
          links.add(link);
        }
      }
    }
    List<Phase> phases = new ArrayList<>(9);
    phases.add(new Phase(TRANSITION_SECONDS, rights));
    for (int[][] movements : KDD_PHASES) {
      TreeSet<Integer> green = new TreeSet<>(rights);
      for (int[] m : movements) {
        if (linkIndex[m[0]][m[1]] >= 0) {
          green.add(linkIndex[m[0]][m[1]]);
        }
      }
      phases.add(new Phase(PHASE_SECONDS, new ArrayList<>(green)));
    }
    return new Intersection(row.id(), points.get(row.id()), width, false, roadIds, links, phases);
  }

  private Intersection unsignalised(
      IntersectionRow row, Map<String, Point> points, double width, List<String> roadIds, List<DirectedRoad> here) {
    List<RoadLink> links = new ArrayList<>();
    for (DirectedRoad in : here) {
      if (!in.to().equals(row.id())) {
        continue;
      }
      for (DirectedRoad out : here) {
        if (!out.from().equals(row.id()) || out.id().equals(in.reverseId())) {
          continue;
        }
        RoadLinkType type = turn(points.get(in.from()), points.get(in.to()), points.get(out.from()), points.get(out.to()));
        RoadLink link = roadLink(type, in, out);
        if (link != null) {
          links.add(link);
        }
      }
    }
    return new Intersection(row.id(), points.get(row.id()), width, false, roadIds, links, List.of());
  }

  /**
   * The movement from a road along {@code a1→a2} onto a road along {@code b1→b2}: straight when the
   * signed angle between the directions is under {@value #STRAIGHT_LIMIT_DEGREES}° in magnitude,
   * else left when positive (counter-clockwise), right when negative.
   */
  static RoadLinkType turn(Point a1, Point a2, Point b1, Point b2) {
    double ax = a2.x() - a1.x();
    double ay = a2.y() - a1.y();
    double bx = b2.x() - b1.x();
    double by = b2.y() - b1.y();
    double angle = Math.toDegrees(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    if (Math.abs(angle) < STRAIGHT_LIMIT_DEGREES) {
      return RoadLinkType.GO_STRAIGHT;
    }
    return angle > 0 ? RoadLinkType.TURN_LEFT : RoadLinkType.TURN_RIGHT;
  }

  /** The road link for a movement: a lane link from each permitted lane to every lane of {@code out}; null if none. */
  private static RoadLink roadLink(RoadLinkType type, DirectedRoad in, DirectedRoad out) {
    int t = switch (type) {
      case TURN_LEFT -> 0;
      case GO_STRAIGHT -> 1;
      case TURN_RIGHT -> 2;
    };
    List<LaneLink> laneLinks = new ArrayList<>();
    for (int k = 0; k < in.lanes(); k++) {
      if (!in.permissions()[k][t]) {
        continue;
      }
      for (int j = 0; j < out.lanes(); j++) {
        laneLinks.add(new LaneLink(k, j, List.of()));
      }
    }
    return laneLinks.isEmpty() ? null : new RoadLink(type, in.id(), out.id(), laneLinks);
  }
}
