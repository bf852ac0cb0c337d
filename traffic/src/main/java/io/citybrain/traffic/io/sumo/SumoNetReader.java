package io.citybrain.traffic.io.sumo;

import io.citybrain.traffic.io.InputLimits;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.XmlTree;
import io.citybrain.traffic.io.XmlTree.Element;
import io.citybrain.traffic.network.GeoReference;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.io.sumo.SignalProgram.SignalPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SUMO network ({@code .net.xml}, optionally gzipped; SUMO's format is documented in its
 * user documentation, "Networks/SUMO Road Networks", and the schema {@code net_file.xsd}) into
 * citybrain's {@link RoadNetwork}: one model for CityFlow, CBEngine and SUMO files.
 * {@code docs/formats.md} gives every rule with its reason; in short:
 *
 * <ul>
 *   <li><b>Roads</b>: every normal {@code <edge>} (not {@code function="internal"}, {@code
 *       crossing} or {@code walkingarea}) with at least one lane open to passenger cars ({@code
 *       allow}/{@code disallow} of vehicle class {@code passenger}); other lanes and edges are
 *       left out. SUMO numbers lanes from the right (0 = rightmost), the model from the inside: the
 *       model's lane k is the edge's (n−1−k)-th car lane counted from the right. Each road declares
 *       the lanes' {@code length} (SUMO gives all lanes of an edge one length) and draws its centre
 *       line as the leftmost car lane's {@code shape} moved left by half that lane's width, so that
 *       offsetting by the lane widths gives SUMO's lane shapes back. Lane speeds and widths are
 *       SUMO's (width default 3.2 m).
 *   <li><b>Intersections</b>: every junction except {@code type="internal"}, at its {@code x, y},
 *       width 0 (SUMO's lane shapes already end at the junction). One without connections between
 *       car lanes is virtual (a boundary node).
 *   <li><b>Road links</b>: the {@code <connection>}s between car lanes of normal edges, grouped by
 *       (from edge, to edge, direction, signal states). Each connection is one lane link whose
 *       path is the chain of its {@code via} internal lanes (shapes joined, speed the lowest
 *       internal-lane speed), so a left turn that waits inside the junction drives SUMO's path.
 *       {@code dir} {@code s} is straight, {@code l}, {@code L} and {@code t} (turn-around) left,
 *       {@code r}, {@code R} right.
 *   <li><b>Signals</b>: a junction whose connections name a {@code tl} is signalised with that
 *       {@code <tlLogic>}'s phases (the last program given for the id, as SUMO runs the last one
 *       loaded): each SUMO phase is one {@link Phase} of the same duration whose green road links
 *       are those whose connections show {@code G}, {@code g}, {@code s}, {@code o} or {@code O};
 *       phases showing {@code y} are declared yellow. Connections at the junction without a
 *       {@code linkIndex} are green in every phase. The roadnet plan ({@code roadnet-plan})
 *       therefore runs SUMO's own program.
 *   <li><b>Coordinates</b>: {@code <location netOffset projParameter="+proj=utm ...">} becomes
 *       the network's {@link GeoReference}; a network without a projection ({@code "!"}) has none.
 * </ul>
 *
 * <p><b>Errors</b>: every problem names the file, {@code line L, column C} of the element, the
 * element with its id, and what was expected: malformed XML (the parser's line and column), a
 * root that is not {@code <net>}, missing or non-numeric attributes, values outside {@link
 * InputLimits}, a connection naming an unknown edge or a lane the edge does not have, a {@code
 * tl} without its {@code <tlLogic>}, a {@code tlLogic} whose phase states are not all as long as
 * its links ({@code linkIndex} 0..n−1 of its connections), unknown state characters, an edge
 * naming an unknown junction. All are reported together.
 */
public final class SumoNetReader {
  /** SUMO's default lane width, m. */
  public static final double DEFAULT_LANE_WIDTH_METERS = 3.2;

  /** The vehicle class whose lanes are read. */
  public static final String CAR_CLASS = "passenger";

  private static final Pattern UTM_ZONE = Pattern.compile("\\+zone=(\\d+)");

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();

  private SumoNetReader(String file) {
    this.file = file;
  }

  /**
   * Reads a SUMO network.
   *
   * @param bytes the file's bytes (plain or gzip)
   * @param fileName the file's name, for problems
   * @return the network and the SUMO-only data kept beside it
   * @throws InputValidationException with every problem found
   */
  public static SumoNetwork read(byte[] bytes, String fileName) throws InputValidationException {
    Element root = XmlTree.parse(bytes, fileName);
    return new SumoNetReader(fileName).read(root);
  }

  /** One SUMO lane as read. */
  private record SumoLane(String id, int index, double speed, double length, double width, List<Point> shape, boolean car) {}

  /** One SUMO edge as read. */
  private record SumoEdge(String id, String from, String to, int priority, List<SumoLane> lanes, Element element) {
    List<SumoLane> carLanes() {
      return lanes.stream().filter(SumoLane::car).toList();
    }

    /** Model index of SUMO lane {@code sumoIndex}, or -1 when it is not a car lane. */
    int modelIndex(int sumoIndex) {
      List<SumoLane> car = carLanes();
      for (int k = 0; k < car.size(); k++) {
        if (car.get(k).index == sumoIndex) {
          return car.size() - 1 - k;
        }
      }
      return -1;
    }
  }

  /** One internal lane: the path of a connection through a junction. */
  private record InternalLane(List<Point> shape, double speed, double length) {}

  /** One connection between normal edges, resolved. */
  private record Connection(
      SumoEdge from, SumoEdge to, int fromLane, int toLane, RoadLinkType type, String tl, int linkIndex,
      List<Point> path, double speed, Element element) {}

  private SumoNetwork read(Element root) throws InputValidationException {
    if (!root.name().equals("net")) {
      throw new InputValidationException(
          new InputProblem(file, root.location(), "root element is <" + root.name() + ">; expected a SUMO network <net>"));
    }
    GeoReference geo = null;
    for (Element loc : root.children("location")) {
      geo = location(loc);
    }
    Map<String, InternalLane> internal = new HashMap<>();
    Map<String, SumoEdge> edges = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Element e : root.children("edge")) {
      String function = e.attribute("function", "normal");
      if (function.equals("internal")) {
        for (Element l : e.children("lane")) {
          String id = required(l, "id");
          List<Point> shape = shape(l, "shape");
          if (id != null && shape != null) {
            internal.put(id, new InternalLane(shape, positive(l, "speed", InputLimits.LANE_SPEED_METERS_PER_SECOND), number(l, "length", 0.1)));
          }
        }
        continue;
      }
      if (!function.equals("normal")) {
        continue; // crossings and walking areas: pedestrians only
      }
      SumoEdge edge = edge(e);
      if (edge == null) {
        continue;
      }
      if (edges.containsKey(edge.id)) {
        problem(e, "duplicate edge id '" + edge.id + "'; expected unique edge ids");
        continue;
      }
      if (edge.carLanes().isEmpty()) {
        dropped.add(edge.id);
        continue;
      }
      edges.put(edge.id, edge);
    }

    Map<String, Element> junctions = new LinkedHashMap<>();
    Map<String, String> junctionTypes = new LinkedHashMap<>();
    for (Element j : root.children("junction")) {
      String type = j.attribute("type", "priority");
      if (type.equals("internal")) {
        continue;
      }
      String id = required(j, "id");
      if (id == null) {
        continue;
      }
      if (junctions.put(id, j) != null) {
        problem(j, "duplicate junction id '" + id + "'; expected unique junction ids");
      }
      junctionTypes.put(id, type);
    }
    for (SumoEdge e : edges.values()) {
      for (String end : List.of(e.from, e.to)) {
        if (!junctions.containsKey(end)) {
          problem(e.element, "edge '" + e.id + "' names junction '" + end + "', which is not in the file; expected a <junction id=\"" + end + "\">");
        }
      }
    }

    Map<String, SignalProgram> programs = new LinkedHashMap<>();
    Map<String, Element> programElements = new HashMap<>();
    for (Element t : root.children("tlLogic")) {
      SignalProgram p = program(t);
      if (p != null) {
        programs.put(p.id(), p); // a later program of the same id replaces it, as in SUMO
        programElements.put(p.id(), t);
      }
    }

    // internal connections: from an internal lane to the next internal lane (via) or to an edge
    Map<String, String> internalNext = new HashMap<>();
    Set<String> allEdgeIds = new HashSet<>(edges.keySet());
    allEdgeIds.addAll(dropped);
    List<Connection> connections = new ArrayList<>();
    Map<String, Integer> linksPerTl = new HashMap<>();
    Map<String, Element> firstUse = new HashMap<>();
    for (Element c : root.children("connection")) {
      String from = required(c, "from");
      String to = required(c, "to");
      if (from == null || to == null) {
        continue;
      }
      if (from.startsWith(":")) {
        String via = c.attribute("via", null);
        if (via != null) {
          internalNext.put(from + "_" + c.attribute("fromLane", "0"), via);
        }
        continue;
      }
      String tl = c.attribute("tl", null);
      int linkIndex = -1;
      if (tl != null) {
        linkIndex = integer(c, "linkIndex", 0);
        if (linkIndex >= 0) {
          linksPerTl.merge(tl, linkIndex + 1, Math::max);
          firstUse.putIfAbsent(tl, c);
        }
      }
      if (!allEdgeIds.contains(from) || !allEdgeIds.contains(to)) {
        String unknown = !allEdgeIds.contains(from) ? from : to;
        problem(c, "connection from '" + from + "' to '" + to + "' names edge '" + unknown + "', which is not in the file; expected a normal <edge id=\"" + unknown + "\">");
        continue;
      }
      SumoEdge fe = edges.get(from);
      SumoEdge te = edges.get(to);
      int fromLane = integer(c, "fromLane", 0);
      int toLane = integer(c, "toLane", 0);
      if (!laneExists(c, from, fe, fromLane, "fromLane") | !laneExists(c, to, te, toLane, "toLane")) {
        continue;
      }
      if (fe == null || te == null || fe.modelIndex(fromLane) < 0 || te.modelIndex(toLane) < 0) {
        continue; // a connection of bicycles, pedestrians or trains
      }
      if (!fe.to.equals(te.from)) {
        problem(c, "connection from edge '" + from + "' (ends at junction '" + fe.to + "') to edge '" + to + "' (starts at '" + te.from + "'); expected edges that meet at one junction");
        continue;
      }
      String dir = c.attribute("dir", "s");
      RoadLinkType type = switch (dir) {
        case "s" -> RoadLinkType.GO_STRAIGHT;
        case "l", "L", "t" -> RoadLinkType.TURN_LEFT;
        case "r", "R" -> RoadLinkType.TURN_RIGHT;
        default -> null;
      };
      if (type == null) {
        problem(c, "connection from '" + from + "' to '" + to + "' has dir=\"" + dir + "\"; expected s, l, L, t, r or R");
        continue;
      }
      connections.add(new Connection(fe, te, fromLane, toLane, type, tl, linkIndex, List.of(), Double.NaN, c));
    }
    // resolve each connection's path through its chain of internal lanes
    List<Connection> resolved = new ArrayList<>(connections.size());
    for (Connection c : connections) {
      String via = c.element.attribute("via", null);
      List<Point> path = new ArrayList<>();
      double speed = Double.POSITIVE_INFINITY;
      Set<String> seen = new HashSet<>();
      while (via != null && seen.add(via)) {
        InternalLane lane = internal.get(via);
        if (lane == null) {
          problem(c.element, "connection from '" + c.from.id + "' to '" + c.to.id + "' goes via internal lane '" + via + "', which is not in the file; expected an internal <lane id=\"" + via + "\">");
          path = null;
          break;
        }
        for (Point p : lane.shape) {
          if (path.isEmpty() || !path.get(path.size() - 1).equals(p)) {
            path.add(p);
          }
        }
        speed = Math.min(speed, lane.speed);
        via = internalNext.get(via); // an internal lane's id is its edge's id + "_" + its index

      }
      if (path == null) {
        continue;
      }
      if (path.size() == 1) {
        path = List.of();
      }
      resolved.add(new Connection(c.from, c.to, c.fromLane, c.toLane, c.type, c.tl, c.linkIndex, path,
          Double.isInfinite(speed) ? Double.NaN : speed, c.element));
    }

    // every tlLogic's states must have one signal per link of its connections
    for (Map.Entry<String, Integer> e : linksPerTl.entrySet()) {
      SignalProgram p = programs.get(e.getKey());
      if (p == null) {
        problem(firstUse.get(e.getKey()), "connection controlled by tl '" + e.getKey() + "', which has no <tlLogic id=\"" + e.getKey() + "\">; expected its program in the file");
        continue;
      }
      Element pe = programElements.get(e.getKey());
      for (int k = 0; k < p.phases().size(); k++) {
        int len = p.phases().get(k).state().length();
        if (len != e.getValue()) {
          problem(pe.children("phase").get(k), "<tlLogic id=\"" + p.id() + "\"> phase " + k + " has a state of " + len + " signals, but its connections use linkIndex 0.." + (e.getValue() - 1) + " (" + e.getValue() + " links); expected one state character per link");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }

    List<Road> roads = new ArrayList<>();
    Map<String, Integer> priorities = new LinkedHashMap<>();
    for (SumoEdge e : edges.values()) {
      roads.add(road(e));
      priorities.put(e.id, e.priority);
    }
    Map<String, List<Connection>> byJunction = new LinkedHashMap<>();
    for (Connection c : resolved) {
      byJunction.computeIfAbsent(c.from.to, k -> new ArrayList<>()).add(c);
    }
    List<Intersection> intersections = new ArrayList<>();
    Map<String, String> junctionPrograms = new LinkedHashMap<>();
    for (Map.Entry<String, List<Connection>> j : byJunction.entrySet()) {
      for (Connection c : j.getValue()) {
        if (c.tl != null) {
          junctionPrograms.put(j.getKey(), c.tl);
        }
      }
    }
    for (Map.Entry<String, Element> j : junctions.entrySet()) {
      intersections.add(intersection(j.getKey(), j.getValue(), edges, byJunction.getOrDefault(j.getKey(), List.of()), programs));
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new SumoNetwork(
        new RoadNetwork(intersections, roads, geo),
        Collections.unmodifiableMap(programs),
        priorities,
        junctionTypes,
        junctionPrograms,
        dropped);
  }

  private boolean laneExists(Element c, String edgeId, SumoEdge edge, int index, String attribute) {
    if (edge == null) {
      return true; // an edge without car lanes: its lanes were not kept
    }
    for (SumoLane l : edge.lanes) {
      if (l.index == index) {
        return true;
      }
    }
    problem(c, "connection " + attribute + "=\"" + index + "\" names a lane edge '" + edgeId + "' does not have; expected 0.." + (edge.lanes.size() - 1));
    return false;
  }

  private SumoEdge edge(Element e) {
    String id = required(e, "id");
    String from = required(e, "from");
    String to = required(e, "to");
    if (id == null || from == null || to == null) {
      return null;
    }
    int priority = e.attributes().containsKey("priority") ? integer(e, "priority", Integer.MIN_VALUE) : -1;
    List<SumoLane> lanes = new ArrayList<>();
    for (Element l : e.children("lane")) {
      String lid = required(l, "id");
      int index = integer(l, "index", 0);
      double speed = positive(l, "speed", InputLimits.LANE_SPEED_METERS_PER_SECOND);
      double length = number(l, "length", 0.1);
      double width = l.attributes().containsKey("width") ? positive(l, "width", InputLimits.LANE_WIDTH_METERS) : DEFAULT_LANE_WIDTH_METERS;
      List<Point> shape = shape(l, "shape");
      if (lid == null || shape == null || Double.isNaN(speed) || Double.isNaN(length) || Double.isNaN(width)) {
        continue;
      }
      lanes.add(new SumoLane(lid, index, speed, length, width, shape, allowsCars(l)));
    }
    if (lanes.isEmpty()) {
      problem(e, "edge '" + id + "' has no <lane>; expected at least one");
      return null;
    }
    lanes.sort((a, b) -> Integer.compare(a.index, b.index));
    for (int k = 0; k < lanes.size(); k++) {
      if (lanes.get(k).index != k) {
        problem(e, "edge '" + id + "' has lane indices " + lanes.stream().map(l -> Integer.toString(l.index)).toList() + "; expected 0.." + (lanes.size() - 1));
        return null;
      }
    }
    return new SumoEdge(id, from, to, priority, lanes, e);
  }

  /** True when the lane admits SUMO vehicle class {@value #CAR_CLASS}. */
  static boolean allowsCars(Element lane) {
    String allow = lane.attribute("allow", null);
    if (allow != null) {
      List<String> classes = List.of(allow.trim().split("\\s+"));
      return classes.contains("all") || classes.contains(CAR_CLASS);
    }
    String disallow = lane.attribute("disallow", null);
    if (disallow != null) {
      List<String> classes = List.of(disallow.trim().split("\\s+"));
      return !classes.contains("all") && !classes.contains(CAR_CLASS);
    }
    return true;
  }

  private Road road(SumoEdge e) {
    List<SumoLane> car = e.carLanes();
    SumoLane leftmost = car.get(car.size() - 1);
    List<Point> centre = offsetLeft(leftmost.shape, leftmost.width / 2);
    List<Lane> lanes = new ArrayList<>();
    for (int k = car.size() - 1; k >= 0; k--) {
      lanes.add(new Lane(car.get(k).width, car.get(k).speed));
    }
    return new Road(e.id, e.from, e.to, centre, lanes, leftmost.length);
  }

  /** The polyline moved {@code d} m to the left of its direction (bisectors at inner vertices). */
  static List<Point> offsetLeft(List<Point> pts, double d) {
    int n = pts.size();
    List<Point> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      double ux;
      double uy;
      if (j == 0) {
        double[] u = unit(pts.get(0), pts.get(1));
        ux = u[0];
        uy = u[1];
      } else if (j == n - 1) {
        double[] u = unit(pts.get(j - 1), pts.get(j));
        ux = u[0];
        uy = u[1];
      } else {
        double[] u1 = unit(pts.get(j), pts.get(j + 1));
        double[] u2 = unit(pts.get(j - 1), pts.get(j));
        double sx = u1[0] + u2[0];
        double sy = u1[1] + u2[1];
        double len = Math.hypot(sx, sy);
        ux = len == 0 ? u1[0] : sx / len;
        uy = len == 0 ? u1[1] : sy / len;
      }
      // left-hand normal of (ux, uy) is (-uy, ux)
      out.add(new Point(pts.get(j).x() - uy * d, pts.get(j).y() + ux * d));
    }
    return out;
  }

  private static double[] unit(Point a, Point b) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double len = Math.hypot(dx, dy);
    return len == 0 ? new double[] {0, 0} : new double[] {dx / len, dy / len};
  }

  private Intersection intersection(
      String id, Element j, Map<String, SumoEdge> edges, List<Connection> conns, Map<String, SignalProgram> programs) {
    double x = number(j, "x", Double.NEGATIVE_INFINITY);
    double y = number(j, "y", Double.NEGATIVE_INFINITY);
    Point point = new Point(Double.isNaN(x) ? 0 : x, Double.isNaN(y) ? 0 : y);
    List<String> roadIds = new ArrayList<>();
    for (SumoEdge e : edges.values()) {
      if (e.from.equals(id) || e.to.equals(id)) {
        roadIds.add(e.id);
      }
    }
    if (conns.isEmpty()) {
      return new Intersection(id, point, 0, true, roadIds, List.of(), List.of());
    }
    String tl = null;
    for (Connection c : conns) {
      if (c.tl != null) {
        tl = c.tl;
      }
    }
    SignalProgram program = tl == null ? null : programs.get(tl);
    // group connections into road links: same roads, same direction, same signal in every phase
    Map<String, List<Connection>> groups = new LinkedHashMap<>();
    for (Connection c : conns) {
      StringBuilder key = new StringBuilder(c.from.id).append('\u0000').append(c.to.id).append('\u0000').append(c.type);
      if (program != null && c.tl != null) {
        key.append('\u0000').append(c.tl).append('\u0000');
        for (SignalPhase p : program.phases()) {
          key.append(p.green(c.linkIndex) ? '1' : '0');
        }
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(c);
    }
    List<RoadLink> roadLinks = new ArrayList<>();
    List<Connection> representative = new ArrayList<>();
    for (List<Connection> group : groups.values()) {
      List<LaneLink> laneLinks = new ArrayList<>();
      for (Connection c : group) {
        laneLinks.add(new LaneLink(c.from.modelIndex(c.fromLane), c.to.modelIndex(c.toLane), c.path, c.speed));
      }
      laneLinks.addAll(fanOut(group));
      Connection first = group.get(0);
      roadLinks.add(new RoadLink(first.type, first.from.id, first.to.id, laneLinks));
      representative.add(first);
    }
    List<Phase> phases = new ArrayList<>();
    if (program != null) {
      for (SignalPhase p : program.phases()) {
        List<Integer> green = new ArrayList<>();
        for (int k = 0; k < roadLinks.size(); k++) {
          Connection c = representative.get(k);
          if (c.tl == null || !c.tl.equals(program.id()) || c.linkIndex < 0 || p.green(c.linkIndex)) {
            green.add(k);
          }
        }
        phases.add(new Phase(p.durationSeconds(), green, p.yellow()));
      }
    }
    return new Intersection(id, point, 0, false, roadIds, roadLinks, phases);
  }

  /**
   * The lane links that let a vehicle of a road link enter any lane of the next road. SUMO's
   * vehicles change lanes on an edge to reach the lane of their next connection; the model has
   * no lane changing, so the change is made in the junction instead: from each start lane of the
   * group, a link to every car lane of the next road that the file does not already link it to,
   * along the same internal path with its end moved to that lane's start. Capacity at the stop
   * line is unchanged (the start lanes are SUMO's); the route planner then picks, at each
   * junction, the lane that can continue the route.
   */
  private static List<LaneLink> fanOut(List<Connection> group) {
    List<LaneLink> extra = new ArrayList<>();
    Map<Integer, Connection> byStart = new LinkedHashMap<>();
    Map<Integer, Set<Integer>> reached = new HashMap<>();
    for (Connection c : group) {
      byStart.putIfAbsent(c.fromLane, c);
      reached.computeIfAbsent(c.fromLane, k -> new HashSet<>()).add(c.toLane);
    }
    for (Map.Entry<Integer, Connection> e : byStart.entrySet()) {
      Connection c = e.getValue();
      for (SumoLane target : c.to.carLanes()) {
        if (reached.get(e.getKey()).contains(target.index)) {
          continue;
        }
        List<Point> path = new ArrayList<>();
        if (c.path.size() >= 2) {
          path.addAll(c.path.subList(0, c.path.size() - 1));
          Point start = target.shape.get(0);
          if (!path.get(path.size() - 1).equals(start)) {
            path.add(start);
          }
          if (path.size() < 2) {
            path = new ArrayList<>();
          }
        }
        extra.add(new LaneLink(c.from.modelIndex(c.fromLane), c.to.modelIndex(target.index), path, c.speed));
      }
    }
    return extra;
  }

  private SignalProgram program(Element t) {
    String id = required(t, "id");
    if (id == null) {
      return null;
    }
    double offset = t.attributes().containsKey("offset") ? number(t, "offset", -1e9) : 0;
    List<SignalPhase> phases = new ArrayList<>();
    for (Element p : t.children("phase")) {
      double duration = number(p, "duration", 0.001);
      String state = required(p, "state");
      if (state == null || Double.isNaN(duration)) {
        continue;
      }
      for (int k = 0; k < state.length(); k++) {
        if ("GgsyYruoO".indexOf(state.charAt(k)) < 0) {
          problem(p, "<tlLogic id=\"" + id + "\"> state \"" + state + "\" has '" + state.charAt(k) + "' at link " + k + "; expected one of G g s y Y r u o O");
          break;
        }
      }
      double min = p.attributes().containsKey("minDur") ? number(p, "minDur", 0) : Double.NaN;
      double max = p.attributes().containsKey("maxDur") ? number(p, "maxDur", 0) : Double.NaN;
      phases.add(new SignalPhase(duration, min, max, state, p.attribute("name", "")));
    }
    if (phases.isEmpty()) {
      problem(t, "<tlLogic id=\"" + id + "\"> has no <phase>; expected at least one");
      return null;
    }
    return new SignalProgram(id, t.attribute("programID", "0"), t.attribute("type", "static"), Double.isNaN(offset) ? 0 : offset, phases);
  }

  private GeoReference location(Element loc) {
    String proj = loc.attribute("projParameter", "!");
    if (!proj.contains("+proj=utm")) {
      return null; // "!" (no projection) or a projection we do not invert
    }
    Matcher m = UTM_ZONE.matcher(proj);
    String offset = loc.attribute("netOffset", "0,0");
    String[] parts = offset.split(",");
    if (!m.find() || parts.length != 2) {
      problem(loc, "<location> has projParameter \"" + proj + "\" and netOffset \"" + offset + "\"; expected +zone=N and netOffset=\"x,y\"");
      return null;
    }
    try {
      int zone = Integer.parseInt(m.group(1));
      if (zone < 1 || zone > 60) {
        problem(loc, "<location> names UTM zone " + zone + "; expected 1..60");
        return null;
      }
      return GeoReference.utm(zone, proj.contains("+south"), Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    } catch (NumberFormatException e) {
      problem(loc, "<location> netOffset \"" + offset + "\" is not two numbers; expected netOffset=\"x,y\"");
      return null;
    }
  }

  // ---------------------------------------------------------------- attributes

  private String required(Element e, String key) {
    String v = e.attributes().get(key);
    if (v == null) {
      problem(e, e.describe() + " has no " + key + "; expected a " + key + " attribute");
    }
    return v;
  }

  /** A number &ge; {@code min}, NaN (with a problem) when missing or invalid. */
  private double number(Element e, String key, double min) {
    String v = required(e, key);
    if (v == null) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d) || d < min) {
        problem(e, e.describe() + " " + key + "=\"" + v + "\"; expected a number >= " + min);
        return Double.NaN;
      }
      return d;
    } catch (NumberFormatException ex) {
      problem(e, e.describe() + " " + key + "=\"" + v + "\" is not a number; expected a number >= " + min);
      return Double.NaN;
    }
  }

  private double positive(Element e, String key, InputLimits.Range range) {
    double d = number(e, key, 0);
    if (Double.isNaN(d)) {
      return d;
    }
    if (!range.contains(d) || d <= 0) {
      problem(e, e.describe() + " " + key + "=\"" + e.attributes().get(key) + "\"; expected " + (d <= 0 ? "more than 0 " + range.unit() : range.expectation(d)));
      return Double.NaN;
    }
    return d;
  }

  private int integer(Element e, String key, int min) {
    String v = required(e, key);
    if (v == null) {
      return -1;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min) {
        problem(e, e.describe() + " " + key + "=\"" + v + "\"; expected an integer >= " + min);
        return -1;
      }
      return i;
    } catch (NumberFormatException ex) {
      problem(e, e.describe() + " " + key + "=\"" + v + "\" is not an integer; expected an integer >= " + min);
      return -1;
    }
  }

  private List<Point> shape(Element e, String key) {
    String v = required(e, key);
    if (v == null) {
      return null;
    }
    List<Point> pts = new ArrayList<>();
    for (String pair : v.trim().split("\\s+")) {
      String[] xy = pair.split(",");
      try {
        double x = Double.parseDouble(xy[0]);
        double y = Double.parseDouble(xy[1]);
        if (!InputLimits.COORDINATE_METERS.contains(x) || !InputLimits.COORDINATE_METERS.contains(y)) {
          problem(e, e.describe() + " " + key + " has point " + pair + "; expected coordinates " + InputLimits.COORDINATE_METERS.expectation(Math.abs(x) > Math.abs(y) ? x : y));
          return null;
        }
        pts.add(new Point(x, y));
      } catch (RuntimeException ex) {
        problem(e, e.describe() + " " + key + " has \"" + pair + "\"; expected points \"x,y x,y ...\" in m");
        return null;
      }
    }
    if (pts.size() < 2) {
      problem(e, e.describe() + " " + key + " has " + pts.size() + " point; expected at least 2");
      return null;
    }
    return pts;
  }

  private void problem(Element e, String message) {
    problems.add(new InputProblem(file, e.location(), message));
  }
}
